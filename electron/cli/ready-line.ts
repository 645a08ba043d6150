/**
 * The one JSON line `sendsheet app --json` and `sendsheet serve --json` print on standard output
 * once they serve: what a test needs to reach them. Schema 1 only grows: a field is never
 * removed or given another meaning without a new `schema` number, and a reader ignores fields
 * it does not know. README.md documents it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const READY_SCHEMA = 1;

export interface ReadyLine {
  event: 'ready';
  schema: typeof READY_SCHEMA;
  command: 'app' | 'serve';
  pid: number;
  /** The UI's address with this run's secret, which the page turns into a cookie (`app`). */
  url: string | null;
  /**
   * This run's secret (`app`): a program calling the API sends `Authorization: Bearer SECRET`.
   * Null for `serve`, which has no API.
   */
  secret: string | null;
  /** The provider's test controls (`--test-controls`; for `app` with the secret), else null. */
  controls: string | null;
  /** The emulated FTP servers; null when `app --no-servers` started none. */
  ftp: { host: string; a: number; b: number } | null;
  /** The emulated provider's first account. */
  account: { user: string; password: string } | null;
  /** The app's data folder (history, exports); null for `serve`. */
  dataDir: string | null;
  /** The emulated provider's data folder; null when none was started. */
  providerDir: string | null;
  /** Whether the folders are temporary ones removed when the command stops. */
  ephemeral: boolean;
}

export function formatReadyLine(line: Omit<ReadyLine, 'event' | 'schema' | 'pid'>): string {
  const whole: ReadyLine = { event: 'ready', schema: READY_SCHEMA, pid: process.pid, ...line };
  return JSON.stringify(whole) + '\n';
}

/** `--ephemeral`: a fresh folder for this run, removed by `remove` when the command stops. */
export async function ephemeralFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sendsheet-run-'));
  return {
    dir,
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}
