/**
 * What breaks the CSV dialect (SPEC section 4), as the parser in dialect.ts reports it: each
 * problem's code, where it is, and its one English sentence, which the UI says again in the
 * person's language by its kind.
 */
export type DialectCode = 'bad-line-ending' | 'unclosed-quote' | 'stray-quote';

export interface DialectProblem {
  code: DialectCode;
  /**
   * 1-based record number as Excel counts records: the header is 1, a record whose quoted
   * field spans lines is one row, and blank lines are rows too.
   */
  row: number;
  /** 0-based field index within that row, where there is one. */
  field: number | null;
  /** One sentence, no line breaks: what is wrong and how to fix it. */
  message: string;
}

export const DIALECT_MESSAGES = {
  badLineEnding:
    'A carriage return (CR) without a line feed ends this row: end every row with LF or CR LF.',
  unclosedQuote:
    'A quote (") opens this field and never closes, so the field runs to the end of the file: close it with a quote and double every quote inside it ("").',
  quoteInUnquoted:
    'A quote (") inside an unquoted field: write the field in quotes and double the quote ("").',
  textAfterQuote:
    'Text after the closing quote of a quoted field: put the whole field in quotes and double every quote inside it ("").',
} as const;

export type DialectKind = keyof typeof DIALECT_MESSAGES;

const KIND_OF_MESSAGE = new Map<string, DialectKind>(
  Object.entries(DIALECT_MESSAGES).map(([kind, message]) => [message, kind as DialectKind]),
);

/** Which of DIALECT_MESSAGES a problem's message is, for saying it in another language. */
export function dialectKind(message: string): DialectKind | 'other' {
  return KIND_OF_MESSAGE.get(message) ?? 'other';
}
