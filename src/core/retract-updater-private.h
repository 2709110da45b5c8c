/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of RetractUpdater share: retract-updater.c (the object,
 * the errors and their kinds of problem, the addresses allowed, the GTask's
 * start and result, a publication from files), retract-updater-fetch.c (the
 * capped downloads of rules.json, rules.json.minisig, keys.json and
 * keys.json.minisig) and retract-updater-verify.c (the signed-rules checks
 * in their order, then the install). */

#include <libsoup/soup.h>

#include "retract-updater.h"

G_BEGIN_DECLS

struct _RetractUpdater
{
  GObject            parent_instance;

  RetractRulesStore *store;
  RetractRuleset    *active;
  SoupSession       *session;
  guint              timeout_seconds;
  gsize              max_bytes;
};

/* The files of a publication, fetched in this order, each with its cap. */
typedef enum
{
  PART_RULES,
  PART_RULES_SIGNATURE,
  PART_KEYS,
  PART_KEYS_SIGNATURE,
  N_PARTS
} Part;

void            _retract_updater_set_problem         (GError               **error,
                                                      int                    code,
                                                      RetractUpdateProblem   problem,
                                                      const char            *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
void            _retract_updater_return_problem      (GTask                 *task,
                                                      int                    code,
                                                      RetractUpdateProblem   problem,
                                                      const char            *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
void            _retract_updater_set_refusal         (GError               **error,
                                                      RetractUpdateProblem   problem,
                                                      RetractRuleset        *in_use,
                                                      const char            *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
gboolean        _retract_updater_check_uri           (GUri                  *uri,
                                                      GError               **error);
gsize           _retract_updater_part_max_bytes      (RetractUpdater        *self,
                                                      Part                   part);
void            _retract_updater_fetch_start         (GTask                 *task,
                                                      const char            *url,
                                                      GCancellable          *cancellable);
RetractRuleset *_retract_updater_install_publication (RetractUpdater        *self,
                                                      GBytes               **parts,
                                                      GDateTime             *now,
                                                      const char            *etag,
                                                      gboolean               from_file,
                                                      gboolean              *installed_new,
                                                      GError               **error);

G_END_DECLS
