/** How a failure reads for a person, on either side of the contract. */

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
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
