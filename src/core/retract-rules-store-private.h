/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of RetractRulesStore share: retract-rules-store.c (the
 * object, its files and the key list, loading the active rules, revert),
 * retract-rules-store-install.c (installing a set under the folder's lock,
 * keeping the previous set, finishing an install cut short) and
 * retract-rules-store-verify.c (verifying the installed set at start, the
 * fallback to the previous set, moving a rejected set aside, and checking
 * a publication before it is installed). */

#include "retract-rules-store.h"

G_BEGIN_DECLS

#define RULES_FILE_NAME    "rules.json"
#define PREVIOUS_FILE_NAME "rules.json.previous"
#define SIGNATURE_FILE_NAME "rules.json.minisig"
#define PREVIOUS_SIGNATURE_FILE_NAME "rules.json.minisig.previous"
/* A signature is written here first, then the file it signs, then the
 * signature is renamed into place: a crash between the two renames leaves
 * the new file with its signature staged, which still verifies it. */
#define STAGED_SUFFIX      ".new"
#define STAGED_SIGNATURE_FILE_NAME "rules.json.minisig.new"
#define STAGED_KEYS_SIGNATURE_NAME "keys.json.minisig.new"
#define ETAG_FILE_NAME     "rules.etag"
#define REJECTED_PREFIX    "rules.json.rejected-"
#define REJECTED_SIGNATURE_PREFIX "rules.json.minisig.rejected-"
#define KEYS_FILE_NAME     "keys.json"
#define KEYS_SIGNATURE_NAME "keys.json.minisig"

struct _RetractRulesStore
{
  GObject  parent_instance;

  char    *directory;
  char    *path;
  char    *previous_path;
  char    *signature_path;
  char    *previous_signature_path;
  char    *keys_path;
  char    *keys_signature_path;
  char    *etag_path;
};

/* retract-rules-store.c */
gboolean        _retract_rules_store_check_own_file   (const char         *path,
                                                       GError            **error);
RetractKeyList *_retract_rules_store_key_list_at_rest (GBytes             *keys,
                                                       GBytes             *signature,
                                                       GError            **error);
RetractKeyList *_retract_rules_store_stored_key_list  (RetractRulesStore  *self,
                                                       GError            **error);
RetractRuleset *_retract_rules_store_load_bundled     (void);

/* retract-rules-store-verify.c */
gboolean        _retract_rules_store_move_aside       (RetractRulesStore  *self);
gboolean        _retract_rules_store_verify_with      (const char         *signature_path,
                                                       RetractKeyList     *keys,
                                                       GBytes             *data,
                                                       GError            **error);
RetractRuleset *_retract_rules_store_load_in_use      (RetractRulesStore  *self,
                                                       RetractRuleset     *bundled,
                                                       RetractKeyList     *keys,
                                                       GError            **error);
RetractRuleset *_retract_rules_store_load_previous    (RetractRulesStore  *self,
                                                       RetractRuleset     *bundled,
                                                       RetractKeyList     *keys);
RetractRuleset *_retract_rules_store_promote_previous (RetractRulesStore  *self,
                                                       RetractKeyList     *keys);

G_END_DECLS
