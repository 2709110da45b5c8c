/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-keys.h"
#include "retract-ruleset.h"
#include "retract-update-problem.h"

G_BEGIN_DECLS

/* What retract_rules_store_install_if_newer() did. */
typedef enum
{
  RETRACT_RULES_INSTALL_DONE,     /* the dataset is now the rules in use */
  RETRACT_RULES_INSTALL_SAME,     /* the same rules, byte for byte, are in use */
  RETRACT_RULES_INSTALL_OLDER,    /* newer rules are in use; nothing changed */
  RETRACT_RULES_INSTALL_CONFLICT, /* the same version with other content is in use */
} RetractRulesInstallResult;

/* A publication of signed rules, as verified and installed together: the
 * rules with their signature, and the key list published beside them (both
 * or neither). The bytes stay the caller's. */
typedef struct
{
  GBytes *rules;           /* rules.json */
  GBytes *rules_signature; /* rules.json.minisig */
  GBytes *keys;            /* (nullable) keys.json */
  GBytes *keys_signature;  /* (nullable) keys.json.minisig */
} RetractRulesPublication;

#define RETRACT_TYPE_RULES_STORE (retract_rules_store_get_type ())

G_DECLARE_FINAL_TYPE (RetractRulesStore, retract_rules_store, RETRACT, RULES_STORE, GObject)

RetractRulesStore *retract_rules_store_new          (const char         *directory);
RetractRulesStore *retract_rules_store_new_default  (void);
const char        *retract_rules_store_get_path     (RetractRulesStore  *self);
const char        *retract_rules_store_get_previous_path (RetractRulesStore *self);
RetractRuleset    *retract_rules_store_load_active  (RetractRulesStore  *self,
                                                     char              **notice);
gboolean           retract_rules_store_install      (RetractRulesStore  *self,
                                                     GBytes             *dataset,
                                                     const char         *etag,
                                                     GError            **error);
gboolean           retract_rules_store_install_signed (RetractRulesStore             *self,
                                                       const RetractRulesPublication *publication,
                                                       const char                    *etag,
                                                       GError                       **error);
RetractRuleset    *retract_rules_store_install_if_newer (RetractRulesStore             *self,
                                                        const RetractRulesPublication *publication,
                                                        RetractRuleset                *candidate,
                                                        const char                    *etag,
                                                        RetractRulesInstallResult     *result,
                                                        GError                       **error);
gboolean           retract_rules_store_revert       (RetractRulesStore  *self,
                                                     GError            **error);
char              *retract_rules_store_get_etag     (RetractRulesStore  *self);
char              *retract_rules_store_get_key_id   (RetractRulesStore  *self);
RetractKeyList    *retract_rules_store_load_key_list (RetractRulesStore *self,
                                                      GError           **error);
RetractRuleset    *retract_rules_store_verify       (RetractRulesStore             *self,
                                                     const RetractRulesPublication *publication,
                                                     GDateTime                     *now,
                                                     RetractKeyList               **key_list,
                                                     RetractUpdateProblem          *problem,
                                                     GError                       **error);

G_END_DECLS
