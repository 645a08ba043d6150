/**
 * The one service object, chosen at its first use (see service/client.ts); a test puts its own
 * on `window.sendsheet` before that.
 */
import { chooseService } from '../service/client';
import type { Service } from '../service/client';

let current: Service | null = null;

export function service(): Service {
  current ??= chooseService();
  return current;
}

/**
 * A thrown value as a failure to show: its sentence (said in the person's language) and its
 * English words, which Details shows.
 */
export { failureSaid as failureTold } from '../../../core/contract/errors';
