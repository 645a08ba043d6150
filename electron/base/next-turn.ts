/**
 * Waits for the event loop's next turn, so that timers, sockets and other requests run before
 * a long piece of work goes on (a large request read a chunk at a time, say).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
