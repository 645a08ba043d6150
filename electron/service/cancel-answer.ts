/**
 * What Cancel answers for a batch: stopped before its rename (nothing sent), or why it cannot
 * be, in the words the person reads beside the batch.
 */
import type { Batch, Outcome } from '../../core/contract/api';
import type { CancelAnswer } from './courier';
import { UNFINISHED } from './history';
import { cancelElsewhere, cancelHandedOver, cancelTooLate, nothingToCancel } from './refusals';

export function cancelOutcome(batch: Batch, answer: CancelAnswer): Outcome<{ batch: Batch }> {
  switch (answer) {
    case 'cancelling':
      return { ok: true, batch: { ...batch } };
    case 'too-late':
      return cancelTooLate();
  }
  // Not uploading in this process: what the history says of it.
  if (batch.state === 'uploading') return cancelElsewhere();
  if (batch.state === 'cancelled') return { ok: true, batch: { ...batch } };
  if (UNFINISHED.includes(batch.state) || batch.state === 'success') return cancelHandedOver();
  return nothingToCancel();
}
