/**
 * Files made to cost a checker as much as their size allows (issue 15): the same patterns at
 * 1-4 MiB in the core tests and at 30 MiB in the bench. Each is a head, a unit repeated to the
 * size asked for, and a tail, so the row and problem counts follow from the size exactly.
 */

export interface HostilePattern {
  /** Short name, for test titles and the bench's table. */
  name: string;
  /** The name it is checked under on the server (its modifiers matter). */
  uploadName: string;
  head: string | Uint8Array;
  unit: string | Uint8Array;
  tail: string | Uint8Array;
}

function bytesOf(part: string | Uint8Array): Uint8Array {
  return typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

/** How many times the unit fits in `size` bytes beside the head and tail. */
export function unitsIn(pattern: HostilePattern, size: number): number {
  const fixed = bytesOf(pattern.head).length + bytesOf(pattern.tail).length;
  return Math.max(0, Math.floor((size - fixed) / bytesOf(pattern.unit).length));
}

/** The pattern's file at (at most) `size` bytes. */
export function hostileBytes(pattern: HostilePattern, size: number): Uint8Array {
  const head = bytesOf(pattern.head);
  const unit = bytesOf(pattern.unit);
  const tail = bytesOf(pattern.tail);
  const count = unitsIn(pattern, size);
  const out = new Uint8Array(head.length + count * unit.length + tail.length);
  out.set(head);
  let at = head.length;
  if (count > 0) {
    out.set(unit, at);
    // Doubling copies: a 30 MiB file in a few dozen set() calls rather than millions.
    let filled = unit.length;
    const total = count * unit.length;
    while (filled < total) {
      const step = Math.min(filled, total - filled);
      out.copyWithin(at + filled, at, at + step);
      filled += step;
    }
    at += total;
  }
  out.set(tail, at);
  return out;
}

const HEADER = 'msisdn,message\n';

/** The worst patterns we know of: each grows something per row, per field or per problem. */
export const HOSTILE_PATTERNS: readonly HostilePattern[] = [
  // The boom.csv: a field-count problem for every 2 bytes.
  { name: 'tiny rows', uploadName: 'boom.csv.ready', head: HEADER, unit: 'a\n', tail: '' },
  // A bad-line-ending problem (and a field-count one) for every byte.
  { name: 'only CRs', uploadName: 'cr.csv.ready', head: HEADER, unit: '\r', tail: '' },
  {
    name: 'one long field',
    uploadName: 'long.csv.ready',
    head: `${HEADER}4512345678,`,
    unit: 'x',
    tail: '\n',
  },
  {
    name: 'one long quoted field',
    uploadName: 'long-quoted.csv.ready',
    head: `${HEADER}4512345678,"`,
    unit: 'x',
    tail: '"\n',
  },
  // A quoted field made only of doubled quotes: one `""` after another.
  {
    name: 'one field of ""',
    uploadName: 'quotes.csv.ready',
    head: `${HEADER}4512345678,"`,
    unit: '""',
    tail: '"\n',
  },
  // Its value is quoted into the bad-msisdn sentence.
  {
    name: 'one long msisdn',
    uploadName: 'long-msisdn.csv.ready',
    head: HEADER,
    unit: 'x',
    tail: ',a\n',
  },
  // A bad-msisdn problem for every 8 bytes.
  {
    name: 'every field quoted',
    uploadName: 'quoted.csv.ready',
    head: HEADER,
    unit: '"a","b"\n',
    tail: '',
  },
  // One blank row of millions of fields.
  {
    name: 'a row of delimiters',
    uploadName: 'commas.csv.ready',
    head: HEADER,
    unit: ',',
    tail: '\n',
  },
  {
    name: 'a row of ;',
    uploadName: 'semicolons.csv.excel.ready',
    head: 'msisdn;message\n',
    unit: ';',
    tail: '\n',
  },
  // One row of millions of fields that are not blank: a field-count problem.
  { name: 'a row of a,', uploadName: 'fields.csv.ready', head: HEADER, unit: 'a,', tail: '\n' },
  // A header of millions of nameless columns: an unknown-column problem for every byte.
  {
    name: 'a header of delimiters',
    uploadName: 'header.csv.ready',
    head: 'msisdn,message',
    unit: ',',
    tail: '\n4512345678,a\n',
  },
  {
    name: 'a header of names',
    uploadName: 'names.csv.ready',
    head: 'msisdn,message',
    unit: ',x',
    tail: '\n4512345678,a\n',
  },
  // A stray-quote and a field-count problem for every 3 bytes.
  { name: 'stray quotes', uploadName: 'stray.csv.ready', head: HEADER, unit: 'a"\n', tail: '' },
  // Text after a closing quote in every field of one row.
  {
    name: 'a row of "a"b',
    uploadName: 'after.csv.ready',
    head: HEADER,
    unit: '"a"b,',
    tail: '\n',
  },
  // One quote that opens and never closes, in a row that is then the rest of the file.
  {
    name: 'unclosed quote',
    uploadName: 'unclosed.csv.ready',
    head: `${HEADER}4512345678,"`,
    unit: 'x\n',
    tail: '',
  },
  // Accepted files of the smallest rows: the messages themselves are the memory.
  {
    name: 'tiny valid rows',
    uploadName: 'valid.csv.ready',
    head: HEADER,
    unit: '4512345678,a\n',
    tail: '',
  },
  // A bad-class problem with its value quoted for every row, and then mixed-class.
  // A bad-class problem, with its value quoted, and a mixed-class one for every 3 rows.
  {
    name: 'mixed classes',
    uploadName: 'classes.csv.ready',
    head: 'msisdn,message,class\n',
    unit: '4512345678,a,premium\n4512345678,a,x\n4512345678,a,secret\n',
    tail: '',
  },
  {
    name: 'bad bytes (.cp1252)',
    uploadName: 'bytes.csv.cp1252.ready',
    head: HEADER,
    unit: new Uint8Array([0x81]),
    tail: '',
  },
  {
    name: 'bad bytes (.utf8)',
    uploadName: 'bytes.csv.utf8.ready',
    head: HEADER,
    unit: new Uint8Array([0xff]),
    tail: '',
  },
  {
    name: 'tiny rows, UTF-16LE',
    uploadName: 'wide.csv.ready',
    head: new Uint8Array([0xff, 0xfe, ...utf16le(HEADER)]),
    unit: new Uint8Array(utf16le('a\n')),
    tail: '',
  },
];

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return out;
}
