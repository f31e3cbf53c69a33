/*
 * index.h: the precomputed annotation index, a JSON file saved beside
 * the article (ARTICLE.whosaid) or in $XDG_CACHE_HOME/whosaid/.
 * The format is documented in doc/index-format.md.
 */
#ifndef WHOSAID_INDEX_H
#define WHOSAID_INDEX_H

#include <stddef.h>

struct article;
struct block_list;
struct annotation;

enum index_status {
	INDEX_FRESH,   /* loaded as it was: the article has not changed */
	INDEX_STALE,   /* article changed: recomputed, curated re-anchored */
	INDEX_MISSING, /* no index: computed */
	INDEX_INVALID  /* unusable index (malformed, newer...): computed */
};

/*
 * The index file that belongs to the article at path: the existing one
 * beside it or in the cache folder; when none exists, where a new one
 * would be written. Allocated. NULL for standard input ("-").
 */
char *index_path(const char *path);

/*
 * Save ann as the index of art, atomically (temporary file in the same
 * folder, fsync, rename). index_file NULL means index_path(path), falling
 * back to the cache folder when the article's folder is not writable.
 * On success returns 0 and sets *where to the file written (allocated);
 * on failure returns -1 and sets *cause; an old index is left intact.
 */
int index_save(const char *path, const char *index_file,
               const struct article *art, const struct block_list *bl,
               const struct annotation *ann, char **where, char **cause);

/*
 * The annotation to use for art: the index in index_file when it is
 * fresh; otherwise a fresh analysis (with the index's curated entries
 * re-anchored by their text when the article changed). Never NULL.
 * *status says which; *note (allocated, or NULL) is a one-line message
 * for the user: "index recomputed: article changed", a curated entry that
 * could not be re-anchored, or "FILE: problem" for an invalid index.
 * index_file NULL means no index: compute.
 */
struct annotation *index_open(const char *index_file, const struct article *art,
                              const struct block_list *bl,
                              enum index_status *status, char **note);

/*
 * As index_save, and *note (allocated, or NULL) names the curated
 * entries of the old index that could not be anchored in the article:
 * with a note the index is written anyway (those quotes and actors are
 * left out, positions kept without a place); index_save instead fails,
 * leaving the old index for a person to fix. note may be NULL (then it
 * is index_save).
 */
int index_save_noted(const char *path, const char *index_file,
                     const struct article *art, const struct block_list *bl,
                     const struct annotation *ann, char **where, char **note,
                     char **cause);

/*
 * Build the index of art afresh (whosaid --index, make content): the
 * annotator's analysis now, with the curated entries of the index already
 * there carried over and re-anchored, saved as index_save_noted does
 * (note NULL: as index_save does, refusing to drop a curated entry).
 * Use this rather than index_save(index_open(...)): a fresh index would
 * give back what an older annotator computed.
 */
int index_rebuild(const char *path, const char *index_file,
                  const struct article *art, const struct block_list *bl,
                  char **where, char **note, char **cause);

/*
 * index_open on index bytes already in memory (name is used in the note
 * as the file name): for tests and the fuzz target.
 */
struct annotation *index_open_buffer(const char *name, const char *buf,
                                     size_t len, const struct article *art,
                                     const struct block_list *bl,
                                     enum index_status *status, char **note);

#endif
