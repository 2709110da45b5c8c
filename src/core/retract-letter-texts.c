/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shorter texts each channel needs, from the same answers as the letter
 * (retract-letter.c): the web ticket, the phone script and the appeal
 * message. */

#define G_LOG_DOMAIN "retract-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-engine-ids.h"
#include "retract-letter-private.h"

#define PHRASE RETRACT_LETTER_PHRASE

/**
 * retract_letter_build_ticket:
 * @n_chars: (out) (optional): its length in characters, for forms with a limit
 *
 * Returns: (transfer full): the subject and text for the kf.qq.com ticket form
 */
char *
retract_letter_build_ticket (RetractLetter *self,
                             guint         *n_chars)
{
  RetractRuleset *rules;
  const RetractChannel *ticket;
  g_autofree char *filed = NULL;
  g_autoptr(GString) subject = NULL;
  GString *text;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  rules = retract_assessment_get_rules (self->assessment);
  ticket = retract_ruleset_lookup_channel (rules, RETRACT_CHANNEL_WEB_TICKET);
  filed = retract_letter_format_filed (self);

  /* The subject the seed asks for: 误投诉撤销+投诉编号, with the number filled in. */
  subject = g_string_new (ticket != NULL && ticket->ticket_subject != NULL
                          ? ticket->ticket_subject : "误投诉撤销+投诉编号");
  g_string_replace (subject, "投诉编号", self->complaint_number, 0);

  text = g_string_new (NULL);
  g_string_append_printf (text, PHRASE (self, "主题：%s\n\n", "Subject: %s\n\n"), subject->str);
  g_string_append_printf (text,
                          PHRASE (self,
                                  "您好！我于%s在%s误提交了一条投诉（投诉类型：%s；投诉编号：%s），"
                                  "现申请撤销。\n",
                                  "Hello. On %s I filed a complaint on %s by mistake (type: %s; "
                                  "complaint number: %s) and ask for it to be withdrawn.\n"),
                          filed,
                          retract_letter_text_of (self, &retract_assessment_get_platform (self->assessment)->name),
                          retract_letter_text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name),
                          self->complaint_number);
  g_string_append_printf (text, PHRASE (self, "误投诉原因：%s\n", "Why it was a mistake: %s\n"),
                          self->reason);
  g_string_append_printf (text, PHRASE (self, "事情经过：%s\n", "What happened: %s\n"),
                          self->narrative);
  g_string_append_printf (text, PHRASE (self, "申请人：%s；联系电话：%s\n",
                                        "Applicant: %s; phone: %s\n"),
                          self->applicant, self->phone);
  g_string_append (text, PHRASE (self, "感谢您的处理！\n", "Thank you.\n"));

  if (n_chars != NULL)
    *n_chars = (guint) g_utf8_strlen (text->str, -1);

  return g_string_free (text, FALSE);
}

/**
 * retract_letter_build_phone_script:
 *
 * Returns: (transfer full): what to have ready and what to say on the hotline
 */
char *
retract_letter_build_phone_script (RetractLetter *self)
{
  RetractRuleset *rules;
  const RetractChannel *phone = NULL;
  GPtrArray *channels;
  g_autofree char *filed = NULL;
  GString *text;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  rules = retract_assessment_get_rules (self->assessment);
  channels = retract_assessment_get_channels (self->assessment);
  for (guint i = 0; i < channels->len && phone == NULL; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, i);

      if (channel->phone != NULL)
        phone = channel;
    }
  if (phone == NULL)
    phone = retract_ruleset_lookup_channel (rules, RETRACT_CHANNEL_PHONE_HOTLINE);

  filed = retract_letter_format_filed (self);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n", retract_letter_text_of (self, &phone->name));

  g_string_append (text, PHRASE (self, "打电话前请准备好：\n", "Before you call, have ready:\n"));
  g_string_append_printf (text, PHRASE (self, "1. 本人手机号：%s\n", "1. Your phone number: %s\n"),
                          self->phone);
  g_string_append (text, PHRASE (self, "2. 实名认证信息（姓名、身份证号）\n",
                                 "2. Your real-name details (name and ID number)\n"));
  g_string_append (text, PHRASE (self, "3. 可以进行人脸识别的手机\n",
                                 "3. A phone that can do face recognition\n"));
  g_string_append_printf (text, PHRASE (self, "4. 投诉编号：%s\n\n", "4. The complaint number: %s\n\n"),
                          self->complaint_number);

  g_string_append (text, PHRASE (self, "拨打步骤：\n", "Steps:\n"));
  for (guint i = 0; i < phone->steps->len; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, retract_letter_text_of (self, g_ptr_array_index (phone->steps, i)));

  g_string_append (text, PHRASE (self, "\n您可以这样说：\n", "\nWhat to say:\n"));
  g_string_append_printf (text,
                          PHRASE (self,
                                  "“您好，我叫%s。我在%s误提交了一条%s，投诉编号是%s。这是%s，"
                                  "我想申请撤销这条投诉。”\n",
                                  "“Hello, my name is %s. On %s I filed a %s by mistake; the "
                                  "complaint number is %s. It was a case of “%s”, and I would "
                                  "like to withdraw it.”\n"),
                          self->applicant, filed,
                          retract_letter_text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name),
                          self->complaint_number,
                          retract_letter_text_of (self, &retract_assessment_get_mistake (self->assessment)->name));

  return g_string_free (text, FALSE);
}

/**
 * retract_letter_build_appeal_message:
 *
 * Returns: (transfer full): the message to send to "WeChat Team", such as
 *   `#误封申诉+WX20261124001`
 */
char *
retract_letter_build_appeal_message (RetractLetter *self)
{
  const RetractChannel *appeal;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  appeal = retract_ruleset_lookup_channel (retract_assessment_get_rules (self->assessment),
                                           RETRACT_CHANNEL_APPEAL_MESSAGE);
  message = g_string_new (appeal != NULL && appeal->message_template != NULL
                          ? appeal->message_template : "#误封申诉+投诉编号");
  g_string_replace (message, "投诉编号", self->complaint_number, 0);

  return g_string_free (g_steal_pointer (&message), FALSE);
}
