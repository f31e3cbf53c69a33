/*
 * keys.h: the reader's key table, as data.
 *
 * actions[] (keys_action()) gives each action its name, one-line help and
 * flags; bindings[] maps a key in a context to an action. The dispatcher
 * in reader.c and the help screen (help.c) both read these tables, so the
 * help always lists exactly the keys that work. Nothing here touches the
 * terminal: the key codes are plain numbers (a character, or KEYS_FN of a
 * curses KEY_ code).
 */
#ifndef WHOSAID_KEYS_H
#define WHOSAID_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A function key (KEY_DOWN...) as a key code; characters are themselves. */
#define KEYS_FN(k) (0x1000000 | (k))
#define KEYS_IS_FN(k) (((k) & 0x1000000) != 0)
#define KEYS_CTRL(c) ((c) & 0x1f)

enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_QUOTE_NEXT,
	ACT_QUOTE_PREV,
	ACT_SPEAKER_NEXT,
	ACT_SPEAKER_PREV,
	ACT_SEARCH_FORWARD,
	ACT_SEARCH_BACKWARD,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_MARK_SET,
	ACT_MARK_GO,
	ACT_FOCUS,
	ACT_SIDEBAR,
	ACT_SELECT_DOWN,
	ACT_SELECT_UP,
	ACT_SELECT_FIRST,
	ACT_SELECT_LAST,
	ACT_SELECT_JUMP,
	ACT_COPY,
	ACT_HELP,
	ACT_REDRAW,
	ACT_CANCEL,
	ACT_QUIT,
	ACT_PROMPT_ACCEPT,
	ACT_PROMPT_ERASE,
	ACT_PROMPT_KILL,
	ACT_PROMPT_CANCEL,
	ACT_HELP_DOWN,
	ACT_HELP_UP,
	ACT_HELP_PAGE_DOWN,
	ACT_HELP_PAGE_UP,
	ACT_HELP_CLOSE,
	ACT_COUNT_ /* not an action: the number of actions */
};

/* Where a key is read. Article and sidebar share the KEYS_COMMON keys. */
enum keys_context {
	KEYS_COMMON,
	KEYS_ARTICLE,
	KEYS_SIDEBAR,
	KEYS_PROMPT,
	KEYS_HELP,
	KEYS_NCONTEXTS
};

#define KEYS_TAKES_COUNT 0x1 /* a count typed before it repeats it */
#define KEYS_TAKES_KEY 0x2   /* reads one more key as its argument */

struct keys_action {
	const char *name; /* "quote-next" */
	const char *help; /* "next quote" */
	int flags;	  /* KEYS_* */
};

struct keys_binding {
	enum keys_context ctx;
	int key;
	enum action action;
};

/* The action table entry of a. */
const struct keys_action *keys_action(enum action a);

/* All bindings, in the order the help screen lists them. */
const struct keys_binding *keys_bindings(size_t *n);

/*
 * The action bound to key in ctx; for KEYS_ARTICLE and KEYS_SIDEBAR the
 * KEYS_COMMON bindings apply after the context's own. ACT_NONE if none.
 */
enum action keys_lookup(enum keys_context ctx, int key);

/* The title of a context in the help screen ("Reading", ...). */
const char *keys_context_name(enum keys_context ctx);

/*
 * A key's name as the help screen shows it: "j", "Space", "Ctrl-L",
 * "Down", "F1". Writes into buf (size at least 16) and returns it.
 */
const char *keys_name(int key, char *buf, size_t size);

#endif
