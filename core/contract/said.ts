/**
 * Sentences made on the Node side, as data: a code and its values, which the renderer says in
 * the person's language from its catalogues (`said.<code>`), as it says core's problems. The
 * English sentence travels beside it (`error`, `note`) for the command line and for HTTP
 * clients of other teams, which read it as it always was.
 *
 * SAID is the table of every code and the kind of each of its values: the Node side can only
 * make a code listed here (said() is typed by it), each catalogue must have a sentence for
 * every code (SaidCatalogue: `group.name` is `said.group.name`, and a code with a value named
 * `count` has the plural forms `name_one` and `name_other`), and the renderer formats each
 * value by its kind. Plain values only, like api.ts.
 */
import type { BatchState } from './api';

/**
 * How a value is shown: `text` as it is; `count` and `bytes` as numbers of the locale; `ms` a
 * duration in milliseconds; `clock` a time of day (ms since 1970); `state` a batch's state in
 * words; `said` a sentence of its own; `failures` sentences joined by `; `; `sentences` by a
 * space.
 */
export type SaidKind =
  'text' | 'count' | 'bytes' | 'ms' | 'clock' | 'state' | 'said' | 'failures' | 'sentences';

export const SAID = {
  // A server's failure, as a phrase after its name (client/failures.ts).
  'reason.refused-connection': {},
  'reason.reset-connection': {},
  'reason.closed-connection': {},
  'reason.no-answer-in-time': {},
  'reason.no-route': {},
  'reason.network-down': {},
  'reason.host-unknown': {},
  'reason.stopped-answering': {},
  'reason.lost-connection': { detail: 'text' },
  'reason.closed-by-server': { reply: 'text' },
  'reason.login-refused': { reply: 'text' },
  'reason.answered': { reply: 'text' },
  'reason.certificate': { detail: 'text' },
  'reason.no-encryption': { reply: 'text' },
  'reason.needs-encryption': { reply: 'text' },
  'reason.fingerprint-not-sha256': { fingerprint: 'text' },
  'reason.certificate-not-pinned': { fingerprint: 'text' },
  'reason.no-answer-within': { ms: 'ms' },
  'reason.when': { reason: 'said', step: 'said' },
  'step.listing': {},
  'step.uploading': { file: 'text' },
  'step.checking-size': { file: 'text' },
  'step.renaming': { file: 'text', to: 'text' },
  // A server and what it did: items of a `failures` list.
  'server.failed': { server: 'text', reason: 'said' },
  // The batch's note: failover and the tries while no server answers (client/words.ts).
  'note.failover': { left: 'text', reason: 'said', using: 'text' },
  'note.attempt-failed': { server: 'text', reason: 'said' },
  'note.trying-other': { server: 'text', reason: 'said', next: 'text' },
  'note.trying-again': {
    server: 'text',
    reason: 'said',
    wait: 'ms',
    at: 'clock',
    giveUpAt: 'clock',
  },
  'note.retry-asking-first': {},
  'note.handed-over': {},
  'note.history-unsaved': { detail: 'text' },
  'note.sentences': { sentences: 'sentences' },
  // Connecting (client/failover.ts).
  'connect.no-password': { profile: 'text' },
  'connect.stopped': {},
  'connect.login-failed': { failures: 'failures' },
  'connect.failed': { failures: 'failures' },
  'connect.unreachable': { ms: 'ms', failures: 'failures' },
  // Delivering a batch (client/deliver.ts).
  'deliver.stopped-maybe-sent': {},
  'deliver.stopped-before': {},
  'deliver.left-while-renaming': { file: 'text' },
  'deliver.upload-failed': { count: 'count' },
  'deliver.refused': { failures: 'failures' },
  'deliver.refused-not-renamed': { failures: 'failures', file: 'text' },
  // The service's refusals (service/).
  'send.nothing-sent': { why: 'said' },
  'send.not-sent': { why: 'said' },
  'send.confirmation-too-old': {},
  'send.messages-have-problems': { count: 'count' },
  'send.would-reject': { file: 'text', count: 'count' },
  'send.sent-before': { count: 'count', total: 'count' },
  'send.history-unsaved': { detail: 'text' },
  'send.file-too-large': { file: 'text', limit: 'bytes' },
  // The page's own refusals (renderer/src/ui/SendPanel.tsx): what it could not hold.
  'send.too-large-for-memory': { count: 'count' },
  'export.folder-not-allowed': { folder: 'text' },
  'export.messages-have-problems': { count: 'count' },
  'export.cannot-write': { folder: 'text', detail: 'text' },
  'export.too-large-for-memory': { count: 'count' },
  'profile.unknown': { profile: 'text' },
  'profile.no-password': { profile: 'text' },
  'settings.not-saved': { detail: 'text' },
  'batch.unknown': { batch: 'text' },
  'batch.profile-unknown': { profile: 'text' },
  'batch.name-unknown': { uploadName: 'text' },
  'retry.not-now': { state: 'state' },
  'retry.elsewhere': {},
  'retry.impossible': {},
  'cancel.too-late': {},
  'cancel.elsewhere': {},
  'cancel.handed-over': {},
  'cancel.nothing': {},
  // What became of a batch (service/courier.ts, service/reconcile.ts).
  'batch.internal-error': { detail: 'text' },
  'batch.not-known-whether-sent': { why: 'said' },
  'batch.file-not-kept': {},
  'batch.cancelled-nothing-sent': {},
  'batch.interrupted': {},
  'batch.not-sent-retry': { why: 'said' },
  'batch.interrupted-by-stop': {},
  'batch.gone-from-servers': {},
  'batch.could-not-list': { failures: 'failures' },
  'batch.showed-nothing': { server: 'text' },
  'batch.showed-nothing-both': { first: 'text', second: 'text' },
  // Following a batch (client/follower.ts, client/rejection.ts).
  'follow.still': { state: 'state' },
  'follow.stopped-because': { why: 'said' },
  'follow.no-server': { state: 'state', failures: 'failures' },
  'follow.vanished': { count: 'count', ms: 'ms' },
  'follow.cause-not-downloaded': { reason: 'said' },
  'follow.no-cause': {},
  'follow.cause-unread': {},
  // The connection test (service/connection-test.ts).
  'test.server-answered': { server: 'text', ms: 'ms', count: 'count' },
  'test.connected': { user: 'text', answered: 'failures' },
  'test.one-server': { answered: 'failures', failures: 'failures' },
  'test.login-refused': { failures: 'failures' },
  'test.not-connected': { failures: 'failures' },
  'test.no-password': { profile: 'text' },
  // A call that did not reach the service, or a fault in the app itself (contract/client.ts).
  'app.not-answering': {},
  'app.refused': { detail: 'text' },
  'app.failed': { detail: 'text' },
} as const satisfies Record<string, Record<string, SaidKind>>;

export type SaidCode = keyof typeof SAID;

export type SaidValue = string | number | Said | Said[];

/** A sentence as data: `t(\`said.${code}\`, values)` in the renderer. */
export interface Said {
  code: SaidCode;
  values?: Record<string, SaidValue>;
}

type ValueOfKind<K> = K extends 'text' | 'state'
  ? K extends 'state'
    ? BatchState
    : string
  : K extends 'said'
    ? Said
    : K extends 'failures' | 'sentences'
      ? Said[]
      : number;

export type SaidValues<C extends SaidCode> = {
  -readonly [N in keyof (typeof SAID)[C]]: ValueOfKind<(typeof SAID)[C][N]>;
};

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
type KeyOf<C extends SaidCode> = C extends `${string}.${infer N}`
  ? 'count' extends keyof (typeof SAID)[C]
    ? `${N}_one` | `${N}_other`
    : N
  : never;

/** The `said` part of a catalogue: a sentence for every code, its plural forms for a count. */
export type SaidCatalogue = {
  readonly [G in GroupOf<SaidCode>]: {
    readonly [C in SaidCode as GroupOf<C> extends G ? KeyOf<C> : never]: string;
  };
};

/** A sentence of `code` with exactly the values its table entry names. */
export function said<C extends SaidCode>(
  code: C,
  ...values: keyof (typeof SAID)[C] extends never ? [] : [SaidValues<C>]
): Said {
  return values[0] === undefined ? { code } : { code, values: values[0] as Said['values'] };
}
