/**
 * Waits for the event loop's next turn, so that timers, sockets and other requests run before
 * a long piece of work goes on (a large request read a chunk at a time, say).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs work made of steps (a generator that yields between pieces, as core's exportSteps)
 * with a turn of the event loop between two steps: the answer comes later, and nothing waits
 * meanwhile.
 */
export async function inTurns<T>(
  steps: Generator<void, T, void>,
  pause: () => Promise<void> = nextTurn,
): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    await pause();
    next = steps.next();
  }
  return next.value;
}
