/**
 * The emulated provider's controls for end-to-end tests: take a server down, hold files, make
 * them fail, slow them, read what was queued, and reset. Apart from the app's contract
 * (api.ts) on purpose: the desktop window's IPC bridge and the renderer's client are made from
 * METHODS, so a control there would reach the desktop app; here it exists only where a
 * headless command was started with `--test-controls`, over HTTP at CONTROLS_PREFIX.
 */
import type { Message } from '../values';
import type { FetchLike } from './client';
import { ServiceError } from './errors';
import { said } from './said';

export type ServerName = 'A' | 'B';
/** `refuse`: nothing listens (connection refused); `hang`: accepted, never answered. */
export type DownMode = 'refuse' | 'hang';

/** A message the emulated provider queued, as its outbox holds it. */
export interface QueuedMessage extends Message {
  account: string;
  /** `NAME.STAMP`: the file's name on the server without its stage. */
  batch: string;
}

export interface ControlsStatus {
  servers: { name: ServerName; port: number; state: 'up' | DownMode }[];
  /** Whether files are held in `.processing` (hold, until release). */
  holding: boolean;
  /** Files waiting now at the processing step (held or delayed), as `account/file`. */
  waiting: string[];
  /** Files that will still fail with an internal error. */
  pendingFailures: number;
  delayMs: number;
  /** The wait before a failed file is tried again. */
  retryIntervalMs: number;
}

export interface TestControls {
  status(request: Record<string, never>): Promise<ControlsStatus>;
  down(request: { server: ServerName; mode?: DownMode }): Promise<ControlsStatus>;
  up(request: { server: ServerName }): Promise<ControlsStatus>;
  hold(request: Record<string, never>): Promise<ControlsStatus>;
  release(request: Record<string, never>): Promise<ControlsStatus>;
  /** The next `count` files fail with an internal error, tried again after `retryIntervalMs` (default 1 s). */
  fail(request: { count: number; retryIntervalMs?: number }): Promise<ControlsStatus>;
  delay(request: { ms: number }): Promise<ControlsStatus>;
  /** Queued messages, of one account or all, in the order they were processed. */
  outbox(request: { account?: string }): Promise<QueuedMessage[]>;
  /** Servers up, nothing held, failing or delayed, retries as at start, the outbox emptied. */
  reset(request: Record<string, never>): Promise<ControlsStatus>;
}

export type Control = keyof TestControls;

export const CONTROLS = [
  'status',
  'down',
  'up',
  'hold',
  'release',
  'fail',
  'delay',
  'outbox',
  'reset',
] as const satisfies readonly Control[];

// A control missing from CONTROLS fails to compile here.
type Missing = Exclude<Control, (typeof CONTROLS)[number]>;
const everyControlListed: [Missing] extends [never] ? true : Missing = true;
void everyControlListed;

export function isControl(name: string): name is Control {
  return (CONTROLS as readonly string[]).includes(name);
}

/** HTTP: `POST /test-controls/<control>` with a JSON request, answered in JSON. */
export const CONTROLS_PREFIX = '/test-controls/';

/** The default wait before a file failed by `fail` is tried again: short, for tests. */
export const TEST_RETRY_INTERVAL_MS = 1000;

/**
 * The controls of a running app or `serve` at `url` (its ready line's `controls`, which for
 * `app` carries the run's secret), as the fixture and `sendsheet provider` call them; a refusal
 * becomes a ServiceError.
 */
export function controlsClient(url: string, fetchImpl: FetchLike, secret?: string): TestControls {
  // The app's controls answer only with its run's secret: given, or in the URL as `?token=`.
  const [address = '', query = ''] = url.split('?', 2);
  const token = secret ?? /(?:^|&)token=([^&]+)/.exec(query)?.[1];
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const root = address.replace(/\/$/, '').replace(/\/test-controls$/, '');
  const client: Partial<Record<Control, (request: unknown) => Promise<unknown>>> = {};
  for (const control of CONTROLS) {
    client[control] = async (request) => {
      let response;
      try {
        response = await fetchImpl(`${root}${CONTROLS_PREFIX}${control}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        throw new ServiceError(
          0,
          `Nothing answers at ${root}: is it running?`,
          said('app.not-answering'),
        );
      }
      const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
      if (!response.ok) {
        const words = typeof body?.error === 'string' ? body.error : `status ${response.status}`;
        throw new ServiceError(response.status, words, said('app.refused', { detail: words }));
      }
      return body;
    };
  }
  return client as TestControls;
}
