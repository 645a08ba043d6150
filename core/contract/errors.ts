/** How a failure reads for a person, on either side of the contract. */
import { said } from './said';
import type { Said } from './said';

/** The words of any thrown value: an Error's message, or the value itself as text. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A call the transport refused (a bad request: 400; a method it does not serve: 404) or could
 * not make (status 0: the Node side did not answer), as opposed to one of the service's own
 * outcomes, which are values.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The same failure as data, said in the person's language by the renderer. */
    readonly said: Said,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Any thrown value as a sentence and its English words: a transport's refusal as it said it; any
 * other (a fault in the app itself) as "something went wrong", with its message as the detail.
 */
export function failureSaid(error: unknown): { error: string; said: Said } {
  const words = errorText(error);
  if (error instanceof ServiceError) return { error: words, said: error.said };
  return { error: words, said: said('app.failed', { detail: words }) };
}
