/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the window's files share: its instance struct and the functions one
 * concern calls in another (retract-window.c: the object, construction and
 * navigation; -cases.c: opening, saving, deleting; -listing.c: the listing
 * and where the window opens first; -files.c: the case file, reminders,
 * deleting saved data, the rules; -actions.c: toasts, problems, opening
 * addresses and files, the shortcuts window). */

#pragma once

#include "retract-case-bundle.h"
#include "retract-case-list-pane.h"
#include "retract-circumstances-page.h"
#include "retract-due-notifier.h"
#include "retract-case-overview.h"
#include "retract-file.h"
#include "retract-reminders.h"
#include "retract-rules-banner.h"
#include "retract-settings.h"
#include "retract-stack-pages.h"
#include "retract-time.h"
#include "retract-validators.h"
#include "retract-window.h"

G_BEGIN_DECLS

struct _RetractWindow
{
  AdwApplicationWindow  parent_instance;

  GtkButton            *back_button;
  GtkButton            *home_button;
  AdwLeaflet           *leaflet;
  RetractCaseListPane  *list_pane;
  GtkStack             *main_stack;
  GtkButton            *new_button;
  AdwBin               *overview_bin;
  GtkLabel             *rules_label;
  GtkToggleButton      *search_button;
  GtkButton            *start_button;
  AdwToastOverlay      *toast_overlay;
  RetractRulesBanner   *rules_banner;
  AdwStatusPage        *welcome_page;
  RetractWizard        *wizard;  /* NULL until first needed; owned by main_stack */
  GtkWindow            *shortcuts_window;  /* NULL until first shown */
  GtkWidget            *overview;  /* owned by overview_bin */
  GtkFileChooserNative *chooser;

  RetractRuleset       *rules;
  RetractStore         *store;
  RetractClock         *clock;
  RetractCase          *kase;     /* the case open, or NULL */
  gboolean              kase_saved;  /* it is in the store: opened from it, or saved once */
  GSettings            *settings;
  GHashTable           *saved_files;  /* URIs of the files this window exported */
  guint                 save_id;
  guint                 header_id;

  RetractCaseList      *case_list;
  RetractDueNotifier   *notifier;   /* a notification when a step becomes due */
  GPtrArray            *cases;      /* light copies from the last listing */
  GCancellable         *listing;    /* non-NULL while a listing runs */
  gboolean              list_again; /* saved again while it ran */
  gboolean              listed;     /* the first listing is in */
  gboolean              painted;    /* the first frame is on screen */
  gboolean              open_first_pending;  /* the first case opens after that frame */
  guint                 open_first_id;
  GHashTable           *pending_deletes;  /* id → its AdwToast, held back until it goes */
  guint                 problems;   /* problem toasts not closed yet */
};

void          _retract_window_schedule_save           (RetractWindow *self);
void          _retract_window_update_overview         (RetractWindow *self);
void          _retract_window_set_case                (RetractWindow *self,
                                                       RetractCase   *kase,
                                                       gboolean       saved);
RetractCase  *_retract_window_new_case                (RetractWindow *self);
guint         _retract_window_n_cases_shown           (RetractWindow *self);
void          _retract_window_show_home               (RetractWindow *self);
void          _retract_window_on_map                  (RetractWindow *self);
void          _retract_window_start_listing           (RetractWindow *self);
void          _retract_window_on_clock_tick           (RetractWindow *self);
void          _retract_window_finish_pending_deletes  (RetractWindow *self);
void          _retract_window_update_header           (RetractWindow *self);
void          _retract_window_show_welcome            (RetractWindow *self);
void          _retract_window_apply_cases             (RetractWindow *self);
void          _retract_window_apply_rules             (RetractWindow *self);
AdwToast     *_retract_window_plain_toast_new         (const char *text,
                                                       guint       timeout);
void          _retract_window_class_init_cases        (GtkWidgetClass *widget_class);
void          _retract_window_class_init_files        (GtkWidgetClass *widget_class);
void          _retract_window_class_init_actions      (GtkWidgetClass *widget_class);
gboolean      _retract_window_open_case               (RetractWindow  *self,
                                                       const char     *id);

G_END_DECLS
