/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A GtkStack whose hidden pages are hidden for GTK's style pass too.
 *
 * GtkStack takes the pages it does not show off screen (child-visible), but
 * their CSS nodes stay visible, and GTK restyles every visible node that
 * depends on an ancestor's state whenever that state changes. GTK 4.8 marks
 * every ancestor of a pressed widget :active, up to the window, on press
 * and again on release, and most of Adwaita's selectors depend on an
 * ancestor's state: each click restyled the whole window, the list of cases
 * and every step of the wizard behind the page on screen (about 700 to
 * 1 000 nodes, 8-12 ms of a frame; issue 16). Pages hidden with
 * gtk_widget_set_visible() are left out of that pass, and catch up once,
 * when they are shown again.
 *
 * The page going out stays visible until its transition is over, so that
 * the stack can still draw it sliding or fading away. */

#define G_LOG_DOMAIN "retract-stack-pages"

#include "config.h"

#include "retract-stack-pages.h"

static void
hide_others (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown)
      gtk_widget_set_visible (child, FALSE);
}

static void
on_transition_running (GtkStack *stack)
{
  if (!gtk_stack_get_transition_running (stack))
    hide_others (stack);
}

/**
 * retract_stack_pages_show:
 * @page: a child of @stack
 *
 * Shows @page, as gtk_stack_set_visible_child() does, and hides the other
 * pages once nothing shows them any more.
 */
void
retract_stack_pages_show (GtkStack  *stack,
                          GtkWidget *page)
{
  static GQuark watched_quark;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (stack));

  if (watched_quark == 0)
    watched_quark = g_quark_from_static_string ("retract-stack-pages-watched");
  if (g_object_get_qdata (G_OBJECT (stack), watched_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (stack), watched_quark, GINT_TO_POINTER (TRUE));
      g_signal_connect (stack, "notify::transition-running", G_CALLBACK (on_transition_running),
                        NULL);
    }

  /* A stack does not switch to a hidden page. */
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  if (!gtk_stack_get_transition_running (stack))
    hide_others (stack);
}

/**
 * retract_stack_pages_show_named:
 * @name: the name of a page of @stack
 *
 * retract_stack_pages_show() by the page's name.
 */
void
retract_stack_pages_show_named (GtkStack   *stack,
                                const char *name)
{
  GtkWidget *page;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (name != NULL);

  page = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (page != NULL);
  retract_stack_pages_show (stack, page);
}
