/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-case.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_STORE (retract_store_get_type ())

G_DECLARE_FINAL_TYPE (RetractStore, retract_store, RETRACT, STORE, GObject)

#define RETRACT_STORE_ERROR (retract_store_error_quark ())

typedef enum
{
  RETRACT_STORE_ERROR_NOT_FOUND,  /* no case with that id */
  RETRACT_STORE_ERROR_DELETED,    /* another process deleted the case this one had open */
  RETRACT_STORE_ERROR_EXISTS,     /* import: a different case with this id is saved */
} RetractStoreError;

/* An unreadable case file, set aside so that the others load. */
typedef struct
{
  char   *file_name;  /* the name it had, e.g. "0123….json" (never personal data) */
  char   *moved_to;   /* the name it has now, or NULL if it could not be moved */
  GError *error;      /* why it was refused: file:line:col: $.path: … */
} RetractStoreProblem;

GQuark        retract_store_error_quark      (void);
void          retract_store_problem_free     (RetractStoreProblem *problem);

RetractStore *retract_store_new              (const char          *directory);
RetractStore *retract_store_new_default      (void);
const char   *retract_store_get_directory    (RetractStore        *self);
gboolean      retract_store_migrate          (RetractStore        *self,
                                              char               **migrated_id,
                                              RetractStoreProblem **problem,
                                              GError             **error);
GPtrArray    *retract_store_list_cases       (RetractStore        *self,
                                              GPtrArray          **problems,
                                              GError             **error);
RetractCase  *retract_store_load_case        (RetractStore        *self,
                                              const char          *id,
                                              GError             **error);
gboolean      retract_store_save_case        (RetractStore        *self,
                                              RetractCase         *kase,
                                              GError             **error);
void          retract_store_save_case_async  (RetractStore        *self,
                                              RetractCase         *kase,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      retract_store_save_case_finish (RetractStore        *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void          retract_store_wait             (RetractStore        *self);
gboolean      retract_store_delete_case      (RetractStore        *self,
                                              const char          *id,
                                              GError             **error);
gboolean      retract_store_delete_all       (RetractStore        *self,
                                              GError             **error);
gboolean      retract_store_import_case      (RetractStore        *self,
                                              const char          *path,
                                              char               **id,
                                              GError             **error);
gboolean      retract_store_export_case      (RetractStore        *self,
                                              const char          *id,
                                              const char          *path,
                                              GError             **error);
char         *retract_store_dup_latest_id    (RetractStore        *self,
                                              GError             **error);

/* Added to the pinned API: the case "Continue" opens among listed ones (one
 * listing at start-up, not two), where a case's file is (tests, the CLI's
 * messages), and how many case files listings have opened (the tests prove
 * with it that an unchanged case is listed from the index). */
RetractCase  *retract_store_find_latest      (GPtrArray           *cases);
char         *retract_store_dup_case_path    (RetractStore        *self,
                                              const char          *id);
guint         retract_store_get_n_case_reads (RetractStore        *self);
guint         retract_store_get_n_scans      (RetractStore        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractStoreProblem, retract_store_problem_free)

G_END_DECLS
