/**
 * A system notification when a batch ends, so the person can leave the window while the
 * server works: once for each batch, in the words the batch panel uses.
 */
import { FINAL_STATES } from '../../core/contract/api';
import type { Batch, SendsheetEvents } from '../../core/contract/api';

export interface Notice {
  title: string;
  body: string;
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

/** What to tell of a batch that ended; null for one still under way. */
export function batchNotice(batch: Batch): Notice | null {
  const messages = count(batch.rows, 'message');
  switch (batch.state) {
    case 'success':
      return batch.practice
        ? {
            title: 'Practice batch accepted',
            body: `${batch.fileName}: the practice server accepted ${messages}. No SMS left this computer.`,
          }
        : {
            title: batch.test ? 'Test sent' : 'Batch sent',
            body: `${batch.fileName}: the server accepted ${messages}.`,
          };
    case 'rejected': {
      const problems = batch.cause ? count(batch.cause.total, 'problem') : 'its problems';
      return {
        title: 'Batch rejected',
        body: `${batch.fileName}: the server rejected it (${problems}). Nothing was sent.`,
      };
    }
    case 'failed':
      return {
        title: 'Batch not sent',
        body: `${batch.fileName}: ${batch.error ?? 'it could not be uploaded.'}`,
      };
    case 'cancelled':
      return {
        title: 'Batch cancelled',
        body: `${batch.fileName}: cancelled before it reached the provider. Nothing was sent.`,
      };
    case 'unknown':
      return {
        title: 'Batch outcome not known',
        body: `${batch.fileName}: ${batch.error ?? 'the servers could not be asked what became of it.'}`,
      };
    case 'timed-out':
      return {
        title: 'Batch still unfinished',
        body: `${batch.fileName}: ${batch.error ?? 'the server has not finished it yet.'}`,
      };
    case 'vanished':
      return {
        title: 'Batch gone from the server',
        body: `${batch.fileName}: ${batch.error ?? 'its file left the server before it was finished.'}`,
      };
    default:
      return null;
  }
}

/**
 * Shows a notice each time a batch reaches a final state; a batch told of once is not told of
 * again (the history sends it again when it is followed anew). The function returned stops.
 */
export function notifyWhenBatchesEnd(
  events: SendsheetEvents,
  show: (notice: Notice) => void,
): () => void {
  const told = new Set<string>();
  return events.subscribe((batch) => {
    if (!FINAL_STATES.includes(batch.state) || told.has(batch.id)) return;
    const notice = batchNotice(batch);
    if (notice === null) return;
    told.add(batch.id);
    show(notice);
  });
}
