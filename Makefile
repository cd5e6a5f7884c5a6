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
PKG_LIBS = libcmark libutf8proc libqrencode fontconfig libpng libzip expat gmime-3.0 xlsxwriter libcrypto libp11 \
	harfbuzz harfbuzz-subset
PKG_CFLAGS := $(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null)
PKG_LDLIBS := $(shell pkg-config --libs $(PKG_LIBS) 2>/dev/null)
# WERROR=1 (CI, make check) turns warnings into errors; a packager's build does not.
WERROR ?=
WARN = -Wall -Wextra -Wshadow -Wno-unused-parameter $(if $(WERROR),-Werror)
CFLAGS ?= -O2 -g
CPPFLAGS ?=
LDFLAGS ?=
ALL_CPPFLAGS = -D_DEFAULT_SOURCE -D_GNU_SOURCE -Ilib -Icmd $(PKG_CFLAGS) \
	-DDLG_SHAREDIR='"$(SHAREDIR)"' -DDLG_LOCALEDIR='"$(LOCALEDIR)"' $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SANITIZE)
LDLIBS = -lcsv $(PKG_LDLIBS) -lz -lm -lpthread
# V=1 shows each command in full.
Q = $(if $(V),,@)

# lib/ in families, each including only the ones before it in this list
# (tests/check-layers.sh enforces it).
LIB_FAMILIES = base fmt case doc step
LIB_SRC = $(sort $(foreach f,$(LIB_FAMILIES),$(wildcard lib/$(f)/*.c)))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_SRC = $(sort $(wildcard cmd/*.c))
# What only the commands do (parse the shared options, exit on usage errors):
# cmd/cli/, linked into every command, never into lib/.
CLI_SRC = $(sort $(wildcard cmd/cli/*.c))
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
CMDS = $(CMD_SRC:cmd/%.c=$(BUILD)/bin/%)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNITS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
MO = $(BUILD)/locale/vi/LC_MESSAGES/dlg.mo
MANS = $(sort $(wildcard docs/*.1))

.PHONY: all build deps demo check layers valgrind unit cases asan fuzz-replay pdfcheck install uninstall clean bench fuzz format eval-route
# Plain `make` only builds; `make demo` and `make check` install what is missing first.
all: build

build: $(CMDS) $(MO)

deps:
	@sh mk/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(V),,@echo "  CC $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(CMD_SRC:%.c=$(BUILD)/%.d) $(UNIT_SRC:%.c=$(BUILD)/%.d)

$(BUILD)/libdlg.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(CLI_OBJ) $(BUILD)/libdlg.a
	@mkdir -p $(dir $@)
	$(if $(V),,@echo "  LD $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/libdlg.a
	@mkdir -p $(dir $@)
	$(if $(V),,@echo "  LD $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS)

$(MO): po/vi.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ po/vi.po

demo: deps
	@$(MAKE) --no-print-directory build
	sh examples/run-demo.sh

unit: $(UNITS)
	@set -e; for t in $(UNITS); do DLG_SHARE=$(CURDIR)/share $$t; done

cases: build
	@sh tests/run-cases.sh $(CURDIR)/$(BUILD)/bin

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g -fno-omit-frame-pointer" WERROR=$(WERROR) \
		SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=undefined" build unit fuzz-replay
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
		sh tests/run-cases.sh $(CURDIR)/build-asan/bin

layers:
	@sh tests/check-layers.sh $(LIB_FAMILIES)

# The fuzz harnesses built without libFuzzer (tests/fuzz/replay.c) with this
# build's flags; `make asan` replays tests/fuzz/crashes/ through them.
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz_util.h $(BUILD)/libdlg.a
	@mkdir -p $(dir $@)
	$(if $(V),,@echo "  LD $@")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
		$(BUILD)/libdlg.a $(LDLIBS)

fuzz-replay: $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
	@sh tests/fuzz/replay.sh $(CURDIR)/$(BUILD)/fuzz

check: deps
	@$(MAKE) --no-print-directory WERROR=1 layers build unit cases
	@$(MAKE) --no-print-directory WERROR=1 asan
	@sh tests/run-scripts.sh $(CURDIR)/$(BUILD)/bin
	@sh tests/eval-route.sh $(CURDIR)/$(BUILD)/bin

# valgrind over the example pipeline and the bad-input cases (about 20 s
# more; ASan in `make check` covers memory errors already).
valgrind: build
	@BINDIR=$(CURDIR)/$(BUILD)/bin TOP=$(CURDIR) DLG_SHARE=$(CURDIR)/share LC_ALL=C.UTF-8 \
		sh tests/valgrind.sh

install: build
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 755 $(CMDS) $(DESTDIR)$(BINDIR)/
	cp -R share/. $(DESTDIR)$(SHAREDIR)/
	$(if $(MANS),install -m 644 $(MANS) $(DESTDIR)$(MANDIR)/man1/)
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/dlg.mo
	install -d $(DESTDIR)$(SHAREDIR)/cron
	install -m 755 examples/cron/nhac-han.sh $(DESTDIR)$(SHAREDIR)/cron/
	install -m 644 examples/cron/crontab examples/cron/README $(DESTDIR)$(SHAREDIR)/cron/
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
	clang-format -i lib/*/*.c lib/*/*.h cmd/*.c cmd/cli/*.c cmd/cli/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h

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
FUZZ_FLAGS = -std=c11 $(ALL_CPPFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined

build-fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(wildcard lib/*/*.h) tests/fuzz/fuzz_util.h
	@mkdir -p build-fuzz
	@echo "  FUZZ $@"
	@clang $(FUZZ_FLAGS) -o $@ $< $(LIB_SRC) $(LDLIBS)

fuzz: $(FUZZERS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)
