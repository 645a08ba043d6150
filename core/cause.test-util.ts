/** The cause tests' shared problems and the one-line form they are written in. */
import iconv from 'iconv-lite';
import { parseCause } from './cause';
import { decode } from './decode';
import type { Encoding, ForcedEncoding } from './decode';
import type { Problem } from './problems';

export const at = new Date(Date.UTC(2026, 10, 24, 14, 0, 0));
export const HEADER = '# REJECTED 2026-11-24T14:00:00Z';

export const problem = (fields: Partial<Problem> = {}): Problem => ({
  row: null,
  column: null,
  code: 'bad-msisdn',
  message: 'The number is too short.',
  ...fields,
});

export const many = (count: number): Problem[] =>
  Array.from({ length: count }, (_, i) => problem({ row: i + 2, column: 'msisdn' }));

/** What a line can hold of a text, written independently of cause.ts. */
export const oneLine = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** The problem as the block gives it back: one-line texts, no offset. */
export const asWritten = ({ row, column, code, message }: Problem): Problem => ({
  row,
  column: column === null ? null : oneLine(column),
  code,
  message: oneLine(message),
});

export const encodings: {
  encoding: Encoding;
  iconv: string;
  forced: ForcedEncoding;
  bom: number[];
}[] = [
  { encoding: 'utf-8', iconv: 'utf8', forced: 'utf8', bom: [] },
  { encoding: 'windows-1252', iconv: 'windows-1252', forced: 'cp1252', bom: [] },
  { encoding: 'utf-16le', iconv: 'utf16le', forced: null, bom: [0xff, 0xfe] },
  { encoding: 'utf-16be', iconv: 'utf16be', forced: null, bom: [0xfe, 0xff] },
  { encoding: 'utf-32le', iconv: 'utf32le', forced: null, bom: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'utf-32be', iconv: 'utf32be', forced: null, bom: [0x00, 0x00, 0xfe, 0xff] },
];

export const encode = (text: string, name: string) => new Uint8Array(iconv.encode(text, name));

/** Decodes as the server does, then reads the cause back. */
export function readBack(bytes: Uint8Array, forced: ForcedEncoding) {
  const decoded = decode(bytes, forced);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return { text: decoded.text, cause: parseCause(decoded.text) };
}
