/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "retract-id-document.h"

G_BEGIN_DECLS

/* Checks for what people type. Messages never repeat the value itself, so
 * they are safe to show, log or put in a bug report. Identity documents, the
 * mainland resident ID number among them, are in retract-id-document.h.
 *
 * retract_validate_phone() takes a mainland mobile number, 11 digits starting
 * 13–19, optionally after +86 or 0086; with @allow_hong_kong_macau also a
 * Hong Kong mobile number, +852 and 8 digits starting 4–9, and a Macau one,
 * +853 and 8 digits starting 6.
 *
 * retract_validate_credit_code() takes a unified social credit code
 * (GB 32100-2015): 18 characters from the 31 of "0123456789ABCDEFGHJKLMNPQRTUWXY"
 * (no I, O, Z, S or V), positions 3–8 digits (the administrative division),
 * and a last character that makes the weighted sum (weights 3^i mod 31)
 * a multiple of 31. Lower case is accepted and made upper case. */

/* retract_validate_characters() is the one check for characters in every text
 * that is shown, printed or put in a letter: dataset texts, case fields
 * (typed or loaded from a case file) and attached files' names. Refused:
 *   - invalid UTF-8;
 *   - C0 controls U+0000–U+001F, DEL and C1 controls U+007F–U+009F (ANSI
 *     escapes start with U+001B or U+009B), except in a multi-line field,
 *     which allows "\n", "\t" and "\r" directly before "\n" (a pasted
 *     Windows line end); a single-line field allows none of them;
 *   - in a single-line field, the line and paragraph separators U+2028 and
 *     U+2029 too (a multi-line field allows them: they only break lines);
 *   - the bidi controls U+202A–U+202E (embeddings and overrides),
 *     U+2066–U+2069 (isolates) and the invisible marks U+200E, U+200F and
 *     U+061C, which can reorder what is shown ("张三\u202Egnp.exe").
 *   - the invisible U+200B (zero-width space), U+2060 (word joiner), U+FEFF
 *     and U+00AD (soft hyphen), which hide text ("/h/\u200B\u200B");
 *   - more than 30 combining marks in a row on one character (Unicode's
 *     stream-safe limit): a letter with 100 000 accents takes minutes to lay
 *     out.
 * Chinese, English and other printable text, emoji (with U+200D joiners) and
 * full-width forms are allowed. retract_validate_text() adds a length limit.
 * retract_filter_characters() applies the same rule to text being typed or
 * pasted: what it returns always passes retract_validate_characters().
 *
 * retract_validate_https_url() is the one rule for a link the app may show or
 * open (dataset links and channel pages; the UI checks again before opening).
 * A valid link is, byte for byte:
 *   - at most 2048 bytes of printable ASCII (U+0021–U+007E): no space, no
 *     control character, no non-ASCII (an international host name is written
 *     in punycode, "xn--…", and other characters are percent-encoded);
 *   - the scheme "https://" in lower case; nothing else (http, javascript,
 *     file, data, custom schemes) is a link;
 *   - an authority with no user-info ("@" anywhere before the path is
 *     refused: https://kf.qq.com@evil.example/ goes to evil.example) and a
 *     host name: 2+ dot-separated labels of letters, digits and "-", each
 *     1–63 characters, not starting or ending with "-", the whole at most 253,
 *     the last label not all digits (no IP address, no IPv6 literal, no
 *     trailing dot, no empty host);
 *   - optionally ":" and a port 1–65535 written with 1–5 digits;
 *   - then nothing, or a path, query or fragment made of RFC 3986 characters
 *     (unreserved, sub-delims, ":", "@", "/", "?", "%" followed by two hex
 *     digits, and one "#" before the fragment); a backslash, quote, "[",
 *     "]", "<", ">", "`", "{", "}", "|", "^" or a second "#" is refused. */

gboolean retract_validate_phone            (const char  *text,
                                            gboolean     allow_hong_kong_macau,
                                            char       **normalized,
                                            GError     **error);
gboolean retract_validate_wechat_id        (const char  *text,
                                            GError     **error);
gboolean retract_validate_complaint_number (const char  *text,
                                            GError     **error);
gboolean retract_validate_characters       (const char  *text,
                                            gboolean     multiline,
                                            GError     **error);
char    *retract_filter_characters         (const char  *text,
                                            gssize       length,
                                            gboolean     multiline,
                                            gunichar    *first_removed);
gboolean retract_validate_text             (const char  *text,
                                            guint        max_chars,
                                            gboolean     multiline,
                                            GError     **error);
gboolean retract_validate_https_url        (const char  *text,
                                            GError     **error);
gboolean retract_validate_credit_code      (const char  *text,
                                            char       **normalized,
                                            GError     **error);
char     retract_credit_code_check_character (const char *first17);

G_END_DECLS
