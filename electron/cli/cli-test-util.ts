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

/** Waits for a condition a running command makes true, for at most 10 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** A port another process would hold: a listener on 127.0.0.1, until `close`. */
export async function heldPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}
