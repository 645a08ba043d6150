/**
 * A logged-in session on whichever of a profile's two servers answers (SPEC 0: both show the
 * same files). The server that answered last is tried first; one that fails, at connecting or
 * at any later step, is left for the other, and the reason is kept for the status. While neither
 * answers, both are tried again, waiting longer each round, until the time given is up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { classify, needsTls } from './failures';
import type { Failure } from './failures';
import { capitalize, describeServer, formatSecondsLong } from './words';
import { FtpSession } from './ftp-session';
import type { SessionTimings } from './ftp-session';
import type { FtpServer, Profile } from './profile';

export interface Backoff {
  /** The wait after the first round in which neither server answered. */
  firstMs: number;
  /** The longest wait between two rounds. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 250, maxMs: 5000 };

/** The waits between rounds: doubling from `firstMs` up to `maxMs`. */
export function backoffDelay(backoff: Backoff, round: number): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(round, 30));
}

export interface Connected {
  ok: true;
  session: FtpSession;
  server: FtpServer;
  /** Why the other server was left, when it was: `Server A refused the connection.` */
  note: string | null;
  /** The note as data, for the UI's language. */
  noteSaid: Said | null;
}

/** A server that did not answer a try to connect, and what is done next. */
export interface FailedAttempt {
  server: FtpServer;
  /** What went wrong, as a phrase after the server: `refused the connection`. */
  reason: string;
  /** The reason as data, for the UI's language. */
  reasonSaid: Said;
  /** The next try: which server, in how long, and when (ms since 1970); null when none follows. */
  next: { server: FtpServer; inMs: number; at: number } | null;
  /** When trying stops while no server answers. */
  giveUpAt: number;
}

export interface NotConnected {
  ok: false;
  /**
   * True when trying again cannot help: a refused login, an untrusted certificate, FTPS asked
   * of a server without it, plain FTP of one that only accepts FTPS.
   */
  final: boolean;
  error: string;
  said: Said;
}

/** `server A failed so`, as an item of a list of failures. */
function failedSaid(server: FtpServer, failure: Failure): Said {
  return said('server.failed', { server: server.name, reason: failure.said });
}

function stopped(): NotConnected {
  return { ok: false, final: true, error: 'Stopped.', said: said('connect.stopped') };
}

function told(
  server: FtpServer,
  failure: Failure,
): Pick<FailedAttempt, 'server' | 'reason' | 'reasonSaid'> {
  return { server, reason: failure.reason, reasonSaid: failure.said };
}

export class Failover {
  /** The index of the server to try first. */
  private preferred = 0;
  /** The server left last, and why. */
  private left: { index: number; failure: Failure } | null = null;

  constructor(
    private readonly profile: Profile,
    private readonly timings: SessionTimings,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Connects to the preferred server, else the other; retries both until `giveUpAfterMs`
   * passed. Each failed try is told to `onFailure` as it happens, with the try that follows.
   */
  async connect(
    giveUpAfterMs: number,
    onFailure: (attempt: FailedAttempt) => void = () => {},
  ): Promise<Connected | NotConnected> {
    const { profile } = this;
    if (profile.password === null) {
      return {
        ok: false,
        final: true,
        error: `The profile "${profile.name}" has no password yet.`,
        said: said('connect.no-password', { profile: profile.name }),
      };
    }
    const credentials = { user: profile.user, password: profile.password };
    const started = Date.now();
    const giveUpAt = started + giveUpAfterMs;
    for (let round = 0; ; round++) {
      const failures: { server: FtpServer; failure: Failure }[] = [];
      const order = this.order();
      for (const [position, index] of order.entries()) {
        const server = profile.servers[index]!;
        if (this.signal?.aborted) return stopped();
        try {
          const session = await FtpSession.open(server, credentials, this.timings, this.signal);
          this.preferred = index;
          const left = this.left !== null && this.left.index !== index ? this.left : null;
          if (left === null) return { ok: true, session, server, note: null, noteSaid: null };
          const leftServer = profile.servers[left.index]!;
          const note = `${capitalize(describeServer(leftServer))} ${left.failure.reason}; using ${describeServer(server)}.`;
          const noteSaid = said('note.failover', {
            left: leftServer.name,
            reason: left.failure.said,
            using: server.name,
          });
          return { ok: true, session, server, note, noteSaid };
        } catch (error) {
          let failure = classify(error);
          if (failure.kind === 'needs-tls' && profile.needsTlsAdvice !== undefined) {
            failure = needsTls(failure.reply!, failure.code!, profile.needsTlsAdvice);
          }
          failures.push({ server, failure });
          this.left = { index, failure };
          const following = order[position + 1];
          if (following !== undefined) {
            const next = { server: profile.servers[following]!, inMs: 0, at: Date.now() };
            onFailure({ ...told(server, failure), next, giveUpAt });
          }
        }
      }
      const last = failures.at(-1)!;
      const summary = failures
        .map(({ server, failure }) => `${describeServer(server)} ${failure.reason}`)
        .join('; ');
      const listed = failures.map(({ server, failure }) => failedSaid(server, failure));
      // The same answer would come again, from both: a refused login, a certificate not
      // trusted, encryption on one side only.
      const lasting = failures.filter(
        ({ failure }) => failure.kind !== 'connection' && failure.kind !== 'transient',
      );
      if (lasting.length > 0) {
        onFailure({ ...told(last.server, last.failure), next: null, giveUpAt });
        const login = lasting.some(({ failure }) => failure.kind === 'login');
        return {
          ok: false,
          final: true,
          error: `${login ? 'Could not log in' : 'Could not connect'}: ${summary}.`,
          said: said(login ? 'connect.login-failed' : 'connect.failed', { failures: listed }),
        };
      }
      const wait = backoffDelay(this.backoff, round);
      if (Date.now() + wait > giveUpAt) {
        onFailure({ ...told(last.server, last.failure), next: null, giveUpAt });
        const ms = Date.now() - started;
        return {
          ok: false,
          final: false,
          error: `Neither server could be reached in ${formatSecondsLong(ms)}: ${summary}.`,
          said: said('connect.unreachable', { ms, failures: listed }),
        };
      }
      const next = {
        server: profile.servers[this.order()[0]!]!,
        inMs: wait,
        at: Date.now() + wait,
      };
      onFailure({ ...told(last.server, last.failure), next, giveUpAt });
      try {
        await sleep(wait, undefined, { signal: this.signal });
      } catch {
        return stopped();
      }
    }
  }

  get serverCount(): number {
    return this.profile.servers.length;
  }

  /** The session's server failed at a later step: leave it for the other one. */
  lost(connected: Connected, failure: Failure): void {
    connected.session.close();
    const index = this.profile.servers.indexOf(connected.server);
    this.left = { index, failure };
    this.preferred = (index + 1) % this.profile.servers.length;
  }

  /**
   * The session's server answered; the next connect tries the other one first, for a second
   * opinion of what the first said (a listing can come back empty by accident).
   */
  preferOther(connected: Connected): void {
    const index = this.profile.servers.indexOf(connected.server);
    this.preferred = (index + 1) % this.profile.servers.length;
  }

  private order(): number[] {
    const count = this.profile.servers.length;
    return Array.from({ length: count }, (_, i) => (this.preferred + i) % count);
  }
}
