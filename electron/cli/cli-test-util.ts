// For the commands' tests: a CommandIo that keeps what a command prints.
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
