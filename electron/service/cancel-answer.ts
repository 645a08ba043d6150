/**
 * What Cancel answers for a batch: stopped before its rename (nothing sent), or why it cannot
 * be, in the words the person reads beside the batch.
 */
import type { Batch, Outcome } from '../../core/contract/api';
import type { CancelAnswer } from './courier';
import { UNFINISHED } from './history';

export function cancelOutcome(batch: Batch, answer: CancelAnswer): Outcome<{ batch: Batch }> {
  switch (answer) {
    case 'cancelling':
      return { ok: true, batch: { ...batch } };
    case 'too-late':
      return {
        ok: false,
        error: 'The file is being handed to the provider: it can no longer be cancelled.',
      };
  }
  // Not uploading in this process: what the history says of it.
  if (batch.state === 'uploading')
    return {
      ok: false,
      error:
        'Another Sendsheet (the app or the command line) is sending this batch: cancel it there.',
    };
  if (batch.state === 'cancelled') return { ok: true, batch: { ...batch } };
  if (UNFINISHED.includes(batch.state) || batch.state === 'success')
    return {
      ok: false,
      error: 'It was handed to the provider already: once there, a batch cannot be cancelled.',
    };
  return { ok: false, error: 'It is not being sent: there is nothing to cancel.' };
}
