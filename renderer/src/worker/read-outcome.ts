/**
 * What reading a file comes to, as the worker posts it and the page shows it: sheets, or why
 * not as a code and values, said in the person's language by the page (OpenFile.tsx). Technical
 * detail (a reader's error, the first bytes) is kept apart, for the Details of the message.
 */
import type { Encoding } from '../../../core/decode';
import type { InputDelimiter } from '../../../core/dialect';
import type { DialectProblem } from '../../../core/dialect-problems';
import type { Problem } from '../../../core/problems';
import type { Sheet } from '../logic/sheet';
import type { OtherFileType } from './file-type';
import type { PackedOutcome } from './transfer';

export type FileKind = 'spreadsheet' | 'text';

export type ReadFailure =
  | { code: 'too-large'; name: string; limit: number }
  | { code: 'too-slow'; name: string; seconds: number }
  | { code: 'empty'; name: string }
  | { code: 'not-spreadsheet'; name: string; type: OtherFileType; signature: string }
  | { code: 'password'; name: string }
  | { code: 'unsupported'; name: string }
  | { code: 'not-text'; name: string; problem: Problem | null; signature: string }
  | { code: 'damaged'; name: string; detail: string }
  | { code: 'too-many-cells'; name: string; limit: number }
  /** More than this browser's memory can hold: refused before it is read or shown. */
  | { code: 'too-large-for-memory'; name: string }
  | { code: 'no-sheets'; name: string }
  | { code: 'reader-stopped'; name: string }
  | { code: 'reader-error'; name: string; detail: string }
  | { code: 'outdated'; name: string }
  | { code: 'not-opened'; name: string; detail: string };

export type ReadOutcome =
  | {
      ok: true;
      kind: FileKind;
      sheets: Sheet[];
      /** For text files: how they were read. */
      encoding: Encoding | null;
      delimiter: InputDelimiter | null;
      /** CSV problems found while reading (a stray quote, say), with their row. */
      notes: DialectProblem[];
    }
  | { ok: false; failure: ReadFailure };

/** How far reading has come: bytes loaded of the file, then rows read of it. */
export type ReadProgress =
  { phase: 'loading'; bytes: number; total: number } | { phase: 'reading'; rows: number };

/**
 * What the reading worker posts: progress now and then, then the outcome's texts a piece at a
 * time, then the outcome once, packed (transfer.ts).
 */
export type WorkerMessage =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'piece'; text: string }
  | { type: 'done'; outcome: PackedOutcome };
