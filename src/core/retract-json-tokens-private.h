/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The strict scanner's state, shared by its two files only:
 * retract-json-scanner.c (the structure: containers, member names and their
 * duplicates, positions, size and UTF-8) and retract-json-tokens.c (the
 * tokens: strings and their escapes, numbers, literals, and how a place is
 * described in a message). */

#include "retract-error.h"
#include "retract-json-scanner-private.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    is_object;
  guint       count;
  char       *path;
  GHashTable *keys;
} ScanFrame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  guint       column;
  guint       max_depth;
  const char *name;
  GHashTable *positions;
  GArray     *stack;
} Scanner;

static inline gboolean
scanner_at_end (Scanner *scanner)
{
  return scanner->pos >= scanner->length;
}

static inline guchar
scanner_peek (Scanner *scanner)
{
  return scanner_at_end (scanner) ? 0 : (guchar) scanner->data[scanner->pos];
}

static inline void
scanner_advance (Scanner *scanner)
{
  guchar c = (guchar) scanner->data[scanner->pos++];

  if (c == '\n')
    {
      scanner->line++;
      scanner->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      /* Columns count characters, not bytes, as editors do. */
      scanner->column++;
    }
}

static inline void
scanner_skip_whitespace (Scanner *scanner)
{
  while (!scanner_at_end (scanner))
    {
      guchar c = scanner_peek (scanner);

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      scanner_advance (scanner);
    }
}

void     retract_json_scanner_fail_at         (Scanner          *scanner,
                                               guint             line,
                                               guint             column,
                                               GError          **error,
                                               RetractDataError  code,
                                               const char       *format,
                                               ...) G_GNUC_PRINTF (6, 7);
/* Reports a problem where the scanner is. */
#define scanner_fail(scanner, error, code, ...) \
  retract_json_scanner_fail_at ((scanner), (scanner)->line, (scanner)->column, (error), (code), \
                                __VA_ARGS__)

char    *retract_json_scanner_describe        (Scanner          *scanner);
void     retract_json_scanner_fail_unexpected (Scanner          *scanner,
                                               const char       *expected,
                                               GError          **error);
gboolean retract_json_scan_string             (Scanner          *scanner,
                                               GString          *decoded,
                                               GError          **error);
gboolean retract_json_scan_scalar             (Scanner          *scanner,
                                               GError          **error);

G_END_DECLS
