/* The domain's words: one code-and-label table each. */
#include "base/vocab.h"

#include <stdio.h>
#include <string.h>

struct word {
	const char *code, *label;
};

static const struct word channels[DLG_CH_N] = {
    [DLG_CH_PAPER] = {"paper", "Phiếu giấy"},
    [DLG_CH_ONLINE] = {"online", "Trực tuyến"},
    [DLG_CH_EMAIL] = {"email", "Thư điện tử"},
    [DLG_CH_POST] = {"post", "Bưu điện"},
    [DLG_CH_CONFERENCE] = {"conference", "Tại Hội nghị"},
};

static const struct word reg_statuses[DLG_STATUS_N] = {
    [DLG_STATUS_ACCEPTED] = {"accepted", "Hợp lệ"},
    [DLG_STATUS_LATE] = {"late", "Quá hạn đăng ký"},
    [DLG_STATUS_INCOMPLETE] = {"incomplete", "Chưa đầy đủ thông tin"},
    [DLG_STATUS_DUPLICATE] = {"duplicate", "Trùng lặp"},
};

static const struct word actions[DLG_ACT_N] = {
    [DLG_ACT_ANSWER] = {"answer", "Xã trả lời"},
    [DLG_ACT_ESCALATE] = {"escalate", "Báo cáo cấp trên"},
    [DLG_ACT_REDIRECT] = {"redirect", "Hướng dẫn"},
    [DLG_ACT_REVIEW] = {"review", "Chờ xem xét"},
};

static const struct word session_statuses[DLG_SESSION_N] = {
    [DLG_SESSION_PLANNED] = {"planned", "Dự kiến"},
    [DLG_SESSION_HELD] = {"held", "Đã tổ chức"},
    [DLG_SESSION_CANCELLED] = {"cancelled", "Không tổ chức được"},
};

static int parse(const struct word *w, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(s, w[i].code))
			return i;
	return -1;
}

const char *dlg_channel_code(dlg_channel c)
{
	return channels[c].code;
}

const char *dlg_channel_label(dlg_channel c)
{
	return channels[c].label;
}

const char *dlg_reg_status_code(dlg_reg_status s)
{
	return reg_statuses[s].code;
}

const char *dlg_reg_status_label(dlg_reg_status s)
{
	return reg_statuses[s].label;
}

const char *dlg_action_code(dlg_action a)
{
	return actions[a].code;
}

const char *dlg_session_status_code(dlg_session_status s)
{
	return session_statuses[s].code;
}

int dlg_channel_parse(const char *s)
{
	return parse(channels, DLG_CH_N, s);
}

int dlg_reg_status_parse(const char *s)
{
	return s && !*s ? DLG_STATUS_ACCEPTED : parse(reg_statuses, DLG_STATUS_N, s);
}

int dlg_action_parse(const char *s)
{
	return parse(actions, DLG_ACT_N, s);
}

int dlg_session_status_parse(const char *s)
{
	return s && !*s ? DLG_SESSION_PLANNED : parse(session_statuses, DLG_SESSION_N, s);
}

const char *dlg_channel_display(const char *code)
{
	int ch = dlg_channel_parse(code);
	return ch >= 0 ? channels[ch].label : *code ? code : "(không rõ)";
}

const char *dlg_reg_status_display(const char *code)
{
	int st = dlg_reg_status_parse(code);
	return st >= 0 ? reg_statuses[st].label : code;
}

/* "a, b, c" from the table's codes, built once into buf. */
static const char *codes(const struct word *w, int n, char *buf, size_t size)
{
	if (!*buf) {
		size_t len = 0;
		for (int i = 0; i < n && len < size; i++)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
			                        w[i].code);
	}
	return buf;
}

const char *dlg_channel_codes(void)
{
	static char buf[64];
	return codes(channels, DLG_CH_N, buf, sizeof buf);
}

const char *dlg_session_status_codes(void)
{
	static char buf[64];
	return codes(session_statuses, DLG_SESSION_N, buf, sizeof buf);
}
