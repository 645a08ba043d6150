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

/** Errors as words for the person; a bug's message is still better than nothing. */
export { errorText as errorWords } from '../../../core/contract/errors';
