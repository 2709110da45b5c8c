/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of RetractStore share: retract-store.c (the object, file
 * names, loading, "Continue"), retract-store-delete.c (deleting a case or
 * everything), retract-store-index.c (listing and its index cache),
 * retract-store-save.c (saving, merging, the writer thread) and
 * retract-store-transfer.c (the migration of case.json, import and
 * export). */

#include <sys/stat.h>

#include "retract-store.h"

G_BEGIN_DECLS

#define CASES_FOLDER "cases"
#define INDEX_FILE_NAME "index.json"
#define INDEX_FORMAT 1
/* The index of 100 000 cases; beyond this it is rebuilt, not read. */
#define INDEX_MAX_BYTES (256 * 1024 * 1024)
#define LEGACY_FILE_NAME "case.json"
#define LEGACY_ASIDE_PREFIX "case.json.unreadable-"
#define DAMAGED_INFIX ".damaged-"
#define CASE_SUFFIX ".json"

/* One save waiting for, or in, the writer thread (retract-store-save.c). */
typedef struct _RetractStoreSaveJob SaveJob;

struct _RetractStore
{
  GObject  parent_instance;

  char    *directory;
  char    *cases_directory;
  char    *legacy_path;
  char    *index_path;

  /* Shared with the writing thread. */
  GMutex   mutex;
  GCond    idle;
  GQueue   queue;     /* SaveJob not yet taken by the writer */
  SaveJob *current;   /* the one being written */
  gboolean writing;   /* a writer thread is running */

  GHashTable *written; /* id → Written, shared with the writing thread */
  /* File name → the last listing's entry: a file unchanged since gives the
   * same light copy, the same object. Replaced whole under the mutex. */
  GHashTable *listed;
  /* The cases folder as the last scan for leftovers found it, clean: its
   * inode and modification time (under the mutex). */
  gboolean    tidy;
  guint64     tidy_inode;
  gint64      tidy_mtime_ns;

  guint    n_case_reads;
  guint    n_scans;
};

gboolean             _retract_store_is_case_file_name     (const char           *name,
                                                           char                  id[RETRACT_CASE_ID_LENGTH + 1]);
gboolean             _retract_store_is_our_temporary_name (const char           *name);
gboolean             _retract_store_is_damaged_name       (const char           *name);
void                 _retract_store_set_not_found_error   (GError              **error,
                                                           const char           *id);
void                 _retract_store_remove_leftovers      (RetractStore         *self,
                                                           gboolean              locked);
gboolean             _retract_store_ensure_folders        (RetractStore         *self,
                                                           GError              **error);
char                *_retract_store_set_aside             (const char           *path,
                                                           const char           *prefix,
                                                           GError              **error);
RetractStoreProblem *_retract_store_problem_new           (const char           *file_name,
                                                           char                 *moved_to,
                                                           GError               *error);
RetractCase         *_retract_store_read_case_file        (RetractStore         *self,
                                                           const char           *name,
                                                           const char           *id,
                                                           RetractStoreProblem **problem,
                                                           GError              **error);
gboolean             _retract_store_migrate               (RetractStore         *self,
                                                           char                **migrated_id,
                                                           RetractStoreProblem **problem,
                                                           GError              **error);
void                 _retract_store_index_forget          (RetractStore         *self,
                                                           const char           *name);
gboolean             _retract_store_same_file             (const struct stat    *a,
                                                           const struct stat    *b);
void                 _retract_store_save_job_free         (gpointer              data);
void                 _retract_store_drop_pending_and_wait (RetractStore         *self,
                                                           const char           *id);

G_END_DECLS
