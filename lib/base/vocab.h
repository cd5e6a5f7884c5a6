/* The domain's words, defined once: how a form came (channel), what became
 * of a registration (status), what is done with a question (action) and
 * where a conference stands (session status). Each is an enum with one table
 * of its code (as written in the CSV records) and its Vietnamese label (as
 * documents print it); text is parsed into the enum in one place. */
#ifndef DLG_BASE_VOCAB_H
#define DLG_BASE_VOCAB_H

/* How a registration form came in (registrations.csv channel). */
typedef enum {
	DLG_CH_PAPER,      /* "paper": Phiếu giấy */
	DLG_CH_ONLINE,     /* "online": Trực tuyến */
	DLG_CH_EMAIL,      /* "email": Thư điện tử */
	DLG_CH_POST,       /* "post": Bưu điện */
	DLG_CH_CONFERENCE, /* "conference": Tại Hội nghị (raised from the floor) */
	DLG_CH_N
} dlg_channel;

/* What became of a registration (registrations.csv status; empty: accepted). */
typedef enum {
	DLG_STATUS_ACCEPTED,   /* "accepted": Hợp lệ */
	DLG_STATUS_LATE,       /* "late": Quá hạn đăng ký */
	DLG_STATUS_INCOMPLETE, /* "incomplete": Chưa đầy đủ thông tin */
	DLG_STATUS_DUPLICATE,  /* "duplicate": Trùng lặp */
	DLG_STATUS_N
} dlg_reg_status;

/* What is done with a question (items.csv action). */
typedef enum {
	DLG_ACT_ANSWER,   /* "answer": the commune's department answers */
	DLG_ACT_ESCALATE, /* "escalate": beyond the commune, reported to a higher level */
	DLG_ACT_REDIRECT, /* "redirect": complaint, denunciation, dispute: guidance only */
	DLG_ACT_REVIEW,   /* "review": the office has yet to classify it */
	DLG_ACT_N
} dlg_action;

/* Where a conference stands (sessions.csv status; empty: planned). */
typedef enum {
	DLG_SESSION_PLANNED,   /* "planned": Dự kiến */
	DLG_SESSION_HELD,      /* "held": Đã tổ chức */
	DLG_SESSION_CANCELLED, /* "cancelled": Không tổ chức được */
	DLG_SESSION_N
} dlg_session_status;

/* The code of each value ("paper", "accepted", ...) and its Vietnamese
 * label ("Phiếu giấy", "Hợp lệ", ...); static strings. */
const char *dlg_channel_code(dlg_channel c);
const char *dlg_channel_label(dlg_channel c);
const char *dlg_reg_status_code(dlg_reg_status s);
const char *dlg_reg_status_label(dlg_reg_status s);
const char *dlg_action_code(dlg_action a);
const char *dlg_session_status_code(dlg_session_status s);

/* The value whose code is s exactly, or -1. An empty registration status is
 * DLG_STATUS_ACCEPTED and an empty session status DLG_SESSION_PLANNED, as the
 * records have always read them; an empty channel or action is -1. */
int dlg_channel_parse(const char *s);
int dlg_reg_status_parse(const char *s);
int dlg_action_parse(const char *s);
int dlg_session_status_parse(const char *s);

/* For documents: the label of a code as a record holds it, an unknown code
 * as written, an empty channel "(không rõ)" (an empty status is accepted). */
const char *dlg_channel_display(const char *code);
const char *dlg_reg_status_display(const char *code);

/* The codes separated by ", " ("paper, online, email, post, conference"),
 * for messages that list what is allowed; static strings. */
const char *dlg_channel_codes(void);
const char *dlg_session_status_codes(void);

#endif
