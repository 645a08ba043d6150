/**
 * A file from disk, sent as the command line's `send` sends it (SendsheetService.sendFile): what
 * it asks and what it answers, in words for the terminal (the file is read by the service,
 * under the path rules of regular-file.ts).
 */
import type { Decision } from '../../core/check';
import type { Batch, EarlierSend } from '../../core/contract/api';

import type { Launched } from './launcher';
import { notSent, sentBefore } from './refusals';
import type { Said } from '../../core/contract/said';

export interface FileSendRequest {
  path: string;
  profile: string;
  /** The name the server reads the file under (its modifiers); default the file's name. */
  as?: string;
  /** Send even when its messages were sent before, are in flight, or of unknown outcome. */
  again?: boolean;
}

/** What the server decided about a file that was not sent, under the name it was checked as. */
export type CheckedFile = Decision & { name: string };

export type FileSendOutcome =
  | { ok: true; batch: Batch; resumed: boolean }
  | {
      ok: false;
      error: string;
      said?: Said;
      verdict: CheckedFile | null;
      earlier?: EarlierSend[];
    };

/** What `send` is told once the launcher took the file, or refused it. */
export function fileSendOutcome(launched: Launched, messages: number): FileSendOutcome {
  if (!launched.ok && launched.refused === null) return { ...notSent(launched), verdict: null };
  if (!launched.ok) {
    return {
      ...notSent(sentBefore(messages, launched.refused)),
      verdict: null,
      earlier: launched.refused.earlier,
    };
  }
  const batch = launched.batches[0]!;
  return { ok: true, batch, resumed: launched.resumed.includes(batch.id) };
}
