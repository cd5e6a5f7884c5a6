# dlg — build, test, install, demo, bench.
# `make demo` and `make check` install what is missing (mk/deps.sh) first.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/dlg
MANDIR = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
BUILD ?= build
SANITIZE ?=

CC ?= cc
PKG_LIBS = libcmark libutf8proc libqrencode fontconfig
PKG_CFLAGS := $(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null)
PKG_LDLIBS := $(shell pkg-config --libs $(PKG_LIBS) 2>/dev/null)
WARN = -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANITIZE) \
	-Ilib $(PKG_CFLAGS) -DDLG_SHAREDIR='"$(SHAREDIR)"' -DDLG_LOCALEDIR='"$(LOCALEDIR)"'
LDLIBS = -lcsv $(PKG_LDLIBS) -lz -lm -lpthread

LIB_SRC = $(sort $(wildcard lib/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_SRC = $(sort $(wildcard cmd/*.c))
CMDS = $(CMD_SRC:cmd/%.c=$(BUILD)/bin/%)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNITS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
MO = $(BUILD)/locale/vi/LC_MESSAGES/dlg.mo
MANS = $(sort $(wildcard docs/*.1))

.PHONY: all build deps demo check unit cases asan pdfcheck install uninstall clean bench fuzz format eval-route
all: deps
	@$(MAKE) --no-print-directory build

build: $(CMDS) $(MO)

deps:
	@sh mk/deps.sh

$(BUILD)/%.o: %.c $(wildcard lib/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libdlg.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(BUILD)/libdlg.a
	@mkdir -p $(dir $@)
	@echo "  LD $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/libdlg.a
	@mkdir -p $(dir $@)
	@echo "  LD $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ -lcmocka $(LDLIBS)

$(MO): po/vi.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ po/vi.po

demo: all
	sh examples/run-demo.sh

unit: $(UNITS)
	@set -e; for t in $(UNITS); do DLG_SHARE=$(CURDIR)/share $$t; done

cases: build
	@sh tests/run-cases.sh $(CURDIR)/$(BUILD)/bin

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g -fno-omit-frame-pointer" \
		SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=undefined" build unit
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
		sh tests/run-cases.sh $(CURDIR)/build-asan/bin

check: all
	@$(MAKE) --no-print-directory unit cases
	@$(MAKE) --no-print-directory asan
	@sh tests/run-scripts.sh $(CURDIR)/$(BUILD)/bin

install: build
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 755 $(CMDS) $(DESTDIR)$(BINDIR)/
	cp -R share/. $(DESTDIR)$(SHAREDIR)/
	$(if $(MANS),install -m 644 $(MANS) $(DESTDIR)$(MANDIR)/man1/)
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/dlg.mo
	install -d $(DESTDIR)$(COMPLETIONDIR)
	install -m 644 completion/dlg.bash $(DESTDIR)$(COMPLETIONDIR)/dlg
	for c in $(filter-out dlg,$(CMDS:$(BUILD)/bin/%=%)); do \
		ln -sf dlg $(DESTDIR)$(COMPLETIONDIR)/$$c || exit 1; done

uninstall:
	rm -f $(CMDS:$(BUILD)/bin/%=$(DESTDIR)$(BINDIR)/%) $(MANS:docs/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/dlg.mo
	rm -rf $(DESTDIR)$(SHAREDIR)
	rm -f $(CMDS:$(BUILD)/bin/%=$(DESTDIR)$(COMPLETIONDIR)/%)

bench: all
	sh bench/run

format:
	clang-format -i lib/*.c lib/*.h cmd/*.c tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h

clean:
	rm -rf build build-asan demo-out

.SECONDARY:

# --- route: routing quality on examples/eval/routing.csv (issue 4) ---
eval-route: build
	@sh tests/eval-route.sh $(CURDIR)/$(BUILD)/bin $(if $(V),-v)

# ---- fuzzing (clang libFuzzer): make fuzz FUZZ_SECONDS=600 ----
FUZZ_SECONDS ?= 60
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZERS = $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_FLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -g -O1 -Ilib $(PKG_CFLAGS) \
	-DDLG_SHAREDIR='"$(SHAREDIR)"' -DDLG_LOCALEDIR='"$(LOCALEDIR)"' \
	-fsanitize=fuzzer,address,undefined

build-fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(wildcard lib/*.h) tests/fuzz/fuzz_util.h
	@mkdir -p build-fuzz
	@echo "  FUZZ $@"
	@clang $(FUZZ_FLAGS) -o $@ $< $(LIB_SRC) $(LDLIBS)

fuzz: deps $(FUZZERS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)
