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

/** Waits for a condition a running command makes true, for at most 10 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
