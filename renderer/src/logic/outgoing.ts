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
