/*
 * article.h: an article's bytes, loaded whole and kept as they are.
 *
 * Every position the engine reports is a byte offset into the article's
 * text (article_text()). For valid UTF-8 input, the text is the file's
 * bytes unchanged (a BOM and CRLF line ends included), so text offsets are
 * file offsets. Other input is decoded to UTF-8: UTF-16 or UTF-32 that
 * starts with a byte order mark (ARTICLE_UTF16, ARTICLE_UTF32), else
 * Windows-1252 when it is not valid UTF-8 (ARTICLE_CP1252); a NUL byte
 * becomes U+2400, a visible symbol (ARTICLE_NUL). article_file_offset()
 * then maps a text offset back to the file.
 */
#ifndef WHOSAID_ARTICLE_H
#define WHOSAID_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

struct article;

#define ARTICLE_CP1252 0x1 /* not UTF-8: decoded as Windows-1252 */
#define ARTICLE_BOM 0x2	   /* starts with a UTF-8 byte order mark */
#define ARTICLE_CRLF 0x4   /* has CRLF line ends */
#define ARTICLE_UTF16 0x8  /* UTF-16 with a byte order mark: converted */
#define ARTICLE_UTF32 0x10 /* UTF-32 with a byte order mark: converted */
#define ARTICLE_NUL 0x20   /* NUL bytes, shown as U+2400 */

/*
 * Load the file at path, or standard input when path is "-". On failure
 * returns NULL and sets *cause to an allocated one-line message such as
 * "FILE: No such file or directory", "FILE: Is a directory", "FILE:
 * Permission denied", "FILE: not a regular file (a character device)",
 * "FILE: a FIFO with no writer" or "FILE: too large (the limit is 512
 * MB)". A FIFO with a writer is read like a pipe (as from `<(command)`).
 */
struct article *article_load(const char *path, char **cause);

/*
 * Make the article independent of its file. A large file is mapped at
 * load time (faster to the first screen than reading it); this copies it
 * into memory at the same address, so that pointers into it stay valid
 * and a file truncated later cannot fault. Does nothing when the article
 * was read; on failure it stays mapped. The reader calls it after its
 * first screen.
 */
void article_settle(struct article *art);

/*
 * article_load(), but a mapped (large) file whose first prefix bytes (to
 * the end of their last line) are valid UTF-8 without NUL or CR bytes is
 * only checked that far: until article_settle(), the article is that
 * prefix (article_partial() is true, article_len() is the prefix's). Then
 * article_settle() decodes the whole file: the text grows, and may be
 * decoded anew (Windows-1252 when the rest is not UTF-8, NUL bytes shown
 * as a symbol), offsets of the prefix being file offsets. For the reader's
 * first screen: checking 10 MB costs more than drawing it.
 */
struct article *article_load_prefix(const char *path, size_t prefix,
    char **cause);

/* Is only a prefix of the article seen yet (article_load_prefix())? */
bool article_partial(const struct article *art);

/* Read fd to its end; name is used in messages and article_name(). */
struct article *article_load_fd(int fd, const char *name, char **cause);

/* An article from memory; the bytes are copied. */
struct article *article_new(const char *bytes, size_t size, const char *name);

/* Free an article; article_free(NULL) does nothing. */
void article_free(struct article *art);

/* The name given at load time ("-" for standard input). Borrowed. */
const char *article_name(const struct article *art);

/*
 * The text: valid UTF-8, NUL-terminated, with no other NUL byte (still,
 * use article_len()). Borrowed; lives as long as the article.
 */
const char *article_text(const struct article *art);
size_t article_len(const struct article *art);

/* The original bytes as read, and their number. */
const char *article_bytes(const struct article *art);
size_t article_size(const struct article *art);

/* ARTICLE_* flags. */
int article_flags(const struct article *art);

/* Map a text offset to a file offset and back (identity for UTF-8). */
size_t article_file_offset(const struct article *art, size_t text_off);
size_t article_text_offset(const struct article *art, size_t file_off);

#endif
