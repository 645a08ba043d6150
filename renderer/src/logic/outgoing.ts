/** The messages to export or send, made from the preview's rows only when they are needed. */
import type { OutgoingMessage } from '../../../core/writer';
import type { LeftOut } from './left-out';
import type { PreviewRow } from './preview-row';

/** The messages to export or send, in order. */
export interface Outgoing {
  messages: OutgoingMessage[];
  /** For each message, the index of the preview row it came from. */
  rowOf: number[];
}

/** The message a row becomes. */
export function messageOf(row: PreviewRow): OutgoingMessage {
  const message: OutgoingMessage = { msisdn: row.msisdn, message: row.message };
  if (row.sender !== '') message.sender = row.sender;
  if (row.messageClass !== 'standard') message.class = row.messageClass;
  if (row.userref !== '') message.userref = row.userref;
  return message;
}

/** The messages of the rows not left out. */
export function outgoingMessages(rows: readonly PreviewRow[], leftOut?: LeftOut): Outgoing {
  const messages: OutgoingMessage[] = [];
  const rowOf: number[] = [];
  for (const row of rows) {
    if (leftOut !== undefined && leftOut[row.index] !== 0) continue;
    messages.push(messageOf(row));
    rowOf.push(row.index);
  }
  return { messages, rowOf };
}

/**
 * The page's heap a message takes while it is exported or its send is made ready, beyond its
 * texts: its object and its place in the lists of messages and rows, and its share of the CSV
 * or JSON punctuation around it.
 */
export const OUTGOING_BYTES_PER_MESSAGE = 128;
/**
 * The heap a character of a message's texts takes while it is exported or sent: the text made
 * for the message (two bytes a character at most), and its copy in what crosses to the Node side
 * (the request's JSON text) or in the file written here.
 */
export const OUTGOING_BYTES_PER_CHARACTER = 4;
/** The rows whose texts are measured to judge all of them: enough for an average. */
const SAMPLED_ROWS = 1000;

/**
 * What making `count` messages of these rows, and handing them over, would take of the page's
 * heap: judged before they are made (memory-fit.ts), from the texts of up to a thousand rows
 * spread over the sheet (left out or not: a sample of the sheet's texts), so that judging costs
 * nothing like the work it guards.
 */
export function outgoingNeed(rows: readonly PreviewRow[], count: number): number {
  if (count === 0 || rows.length === 0) return 0;
  const step = Math.max(1, Math.floor(rows.length / SAMPLED_ROWS));
  let sampled = 0;
  let characters = 0;
  for (let index = 0; index < rows.length && sampled < SAMPLED_ROWS; index += step) {
    const row = rows[index]!;
    characters += row.msisdn.length + row.message.length + row.sender.length + row.userref.length;
    sampled++;
  }
  return (
    count * (OUTGOING_BYTES_PER_MESSAGE + (OUTGOING_BYTES_PER_CHARACTER * characters) / sampled)
  );
}
