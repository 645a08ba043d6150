/**
 * A message written once for every row: `Hi {Name}, your code is {Code}` takes each row's `Name`
 * and `Code` columns. `{{` and `}}` write a brace itself. A placeholder that names no column is
 * reported, so a typo is seen before anything is sent, never sent as `{Nmae}`.
 */

export type TemplatePiece = { text: string } | { column: number; name: string };

export interface Template {
  pieces: TemplatePiece[];
  /** Placeholders that name no column, each once, in order. */
  unknown: string[];
}

/**
 * Column names match exactly, else ignoring case and surrounding spaces, so `{name}` finds the
 * column `Name`.
 */
function columnIndex(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return header.findIndex((column) => column.trim().toLowerCase() === wanted);
}

export function parseTemplate(source: string, header: readonly string[]): Template {
  const pieces: TemplatePiece[] = [];
  const unknown: string[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if ((c === '{' || c === '}') && source[i + 1] === c) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '{') {
      const end = source.indexOf('}', i + 1);
      const name = end < 0 ? '' : source.slice(i + 1, end);
      // An unclosed or nested brace is text, as it was typed.
      if (end >= 0 && !name.includes('{')) {
        const column = columnIndex(header, name);
        if (column >= 0) {
          if (text !== '') pieces.push({ text });
          text = '';
          pieces.push({ column, name: header[column]! });
        } else {
          if (!unknown.includes(name)) unknown.push(name);
          text += source.slice(i, end + 1);
        }
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text !== '') pieces.push({ text });
  return { pieces, unknown };
}

/** The message for one row; `row` gives its cells, as an array or by column. */
export function fillTemplate(
  template: Template,
  row: readonly string[] | ((column: number) => string),
): string {
  const cell = typeof row === 'function' ? row : (column: number) => row[column] ?? '';
  let message = '';
  for (const piece of template.pieces) message += 'text' in piece ? piece.text : cell(piece.column);
  return message;
}

/** Whether the text uses placeholders at all (otherwise it is the same message for everyone). */
export function hasPlaceholders(template: Template): boolean {
  return template.pieces.some((piece) => 'column' in piece) || template.unknown.length > 0;
}
