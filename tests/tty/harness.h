/*
 * harness.h: drive a program in a pseudo-terminal and look at its screen.
 *
 * tty_start() forks the program on a new pty of the given size (TERM set
 * to xterm-256color unless env says otherwise); everything it writes is
 * kept (tty_output) and fed into a libvterm screen, which the tests query
 * for text, cell attributes, the cursor and the alternate-screen state.
 * Reads never block for long: each wait has a timeout, so a hung program
 * fails a test instead of hanging the suite.
 */
#ifndef WHOSAID_TTY_HARNESS_H
#define WHOSAID_TTY_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tty;

struct tty_cell {
	uint32_t ch;	 /* the character, ' ' for an empty cell */
	bool bold, underline, reverse;
	int fg, bg;	 /* palette index, -1 for the default colour */
};

/*
 * Start argv[0] (found on PATH) with arguments argv in a pty of rows x
 * cols. env: extra "NAME=VALUE" strings (NULL-terminated list, or NULL);
 * "NAME=" removes NAME. Returns NULL (with a message on stderr) on
 * failure.
 */
struct tty *tty_start(char *const argv[], int rows, int cols,
    const char *const env[]);

/* Send bytes as typed keys. */
void tty_send(struct tty *t, const char *keys);
void tty_send_n(struct tty *t, const char *keys, size_t n);

/*
 * Read output until nothing arrives for quiet_ms, or timeout_ms in all.
 * Returns the number of bytes read.
 */
size_t tty_settle(struct tty *t, int quiet_ms, int timeout_ms);

/* Read until the screen shows text (UTF-8), or timeout_ms; true if it
 * does. */
bool tty_wait_for(struct tty *t, const char *text, int timeout_ms);

/* Read until the program's output includes bytes s, or timeout_ms. */
bool tty_wait_output(struct tty *t, const char *s, int timeout_ms);

/* Send keys, wait for output to start (at most 1.5 s), then until quiet
 * (100 ms; at most 5 s). */
void tty_keys(struct tty *t, const char *keys);

/* The text of a row (UTF-8, trailing blanks removed), allocated. */
char *tty_row(struct tty *t, int row);

/* Columns [col, col + n) of a row as text (trailing blanks removed). */
char *tty_text(struct tty *t, int row, int col, int n);

/* The whole screen, rows joined by newlines, allocated. */
char *tty_screen(struct tty *t);

/* Whether the screen shows text; with row/col set to where (may be NULL). */
bool tty_find(struct tty *t, const char *text, int *row, int *col);

/* A cell. */
void tty_cell(struct tty *t, int row, int col, struct tty_cell *c);

int tty_rows(const struct tty *t);
int tty_cols(const struct tty *t);

/* Resize the pty (TIOCSWINSZ, which signals SIGWINCH) and the screen. */
void tty_resize(struct tty *t, int rows, int cols);

/* Everything the program wrote so far, and how much. */
const char *tty_output(const struct tty *t, size_t *len);

/* The offset in tty_output() to count from for tty_output_since(). */
size_t tty_mark(const struct tty *t);

/* Bytes the terminal answered (replies to queries the program sent). */
size_t tty_replies(const struct tty *t);

bool tty_altscreen(const struct tty *t);
bool tty_cursor_visible(const struct tty *t);

/* The child's pid. */
pid_t tty_pid(const struct tty *t);

/*
 * Wait for the program to end (reading its output meanwhile), at most
 * timeout_ms. Returns its wait status, or -1 on timeout (then it is
 * killed).
 */
int tty_wait_exit(struct tty *t, int timeout_ms);

/* Kill the program if it still runs, and free everything. */
void tty_free(struct tty *t);

/* Milliseconds on a monotonic clock. */
double tty_now_ms(void);

/* Decode base64 (allocated, NUL-terminated); NULL when invalid. */
char *tty_base64_decode(const char *s, size_t n, size_t *outlen);

#endif
