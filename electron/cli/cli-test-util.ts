// For the commands' tests: a CommandIo that keeps what a command prints.
import { createServer } from 'node:net';
import type { CommandIo } from './io';

export function capture(cwd: string, stdin = '') {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd,
  };
  return { io, out };
}

/**
 * Waits for a condition a running command makes true. The 20 s only tell a command that never
 * gets there apart from the test's own time-out; a busy machine is slow, never that slow.
 */
export async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** A port another process would hold: a listener on 127.0.0.1, until `close`. */
export async function heldPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}
