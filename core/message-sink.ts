/**
 * Where check puts each message it reads (SPEC 6 and 7): a list of Message objects, or straight
 * into the text that prints them (verdict-json.ts), so a caller that only prints 300,000
 * messages never holds 300,000 objects.
 */
import { messageOf } from './values';
import type { Message, RawRow } from './values';

export interface MessageSink {
  /** How many messages it has been given since it was made or last cleared. */
  readonly count: number;
  /** One data row's message, its values as the server reads them (see messageOf). */
  add(raw: RawRow): void;
  /** Forgets every message given so far. */
  clear(): void;
}

/** The messages as objects, in the order given. */
export class MessageList implements MessageSink {
  readonly messages: Message[] = [];

  get count(): number {
    return this.messages.length;
  }

  add(raw: RawRow): void {
    this.messages.push(messageOf(raw));
  }

  clear(): void {
    this.messages.length = 0;
  }
}
