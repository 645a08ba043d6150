/**
 * "Test connection": each server of a profile on its own (failover would hide one that is down),
 * as a send would reach it (client/ftp-session.ts: the same time-outs, encryption and pinned
 * certificate): log in, list the folder, and tell how long it took and which certificate it
 * showed, in words a person understands.
 */
import type { ConnectionTest, ServerTest } from '../../core/contract/api';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { classify } from '../client/failures';
import type { Failure } from '../client/failures';

/** A server's test, and whether its login was refused (the summary says so apart). */
type TestedServer = ServerTest & { login: boolean };
import { FtpSession } from '../client/ftp-session';
import type { SessionTimings } from '../client/ftp-session';
import type { Profile } from '../client/profile';
import { formatSecondsLong } from '../client/words';

async function testServer(
  profile: Profile,
  index: number,
  timings: SessionTimings,
): Promise<TestedServer> {
  const server = profile.servers[index]!;
  const base = {
    name: server.name,
    host: server.host,
    port: server.port,
    encrypted: server.security === 'ftps',
  };
  const started = performance.now();
  let session: FtpSession | null = null;
  try {
    session = await FtpSession.open(
      server,
      { user: profile.user, password: profile.password ?? '' },
      timings,
    );
    const fingerprint = session.certificateFingerprint;
    const files = (await session.list()).length;
    return {
      ...base,
      ok: true,
      ms: performance.now() - started,
      files,
      login: false,
      fingerprint,
      error: null,
      said: null,
    };
  } catch (error) {
    return {
      ...base,
      ok: false,
      ms: performance.now() - started,
      files: null,
      fingerprint: null,
      ...failureOf(classify(error)),
    };
  } finally {
    session?.close();
  }
}

function answeredWords(test: ServerTest): string {
  const files = test.files === 1 ? '1 file' : `${test.files} files`;
  return `server ${test.name} answered in ${formatSecondsLong(test.ms)} (${files} in the account's folder)`;
}

function answeredSaid(test: ServerTest): Said {
  return said('test.server-answered', { server: test.name, ms: test.ms, count: test.files ?? 0 });
}

/** The reason in words and as data; `login` when the user name or password was refused. */
function failureOf(failure: Failure): Pick<ServerTest, 'error' | 'said'> & { login: boolean } {
  return { error: failure.reason, said: failure.said, login: failure.kind === 'login' };
}

function summaryOf(profile: Profile, servers: TestedServer[]): [string, Said] {
  const up = servers.filter((s) => s.ok);
  const down = servers.filter((s) => !s.ok);
  const answered = up.map(answeredSaid);
  if (down.length === 0) {
    return [
      `Connected: logged in as ${profile.user}; ${up.map(answeredWords).join(', ')}.`,
      said('test.connected', { user: profile.user, answered }),
    ];
  }
  const why = down.map((s) => `server ${s.name} ${s.error}`).join('; ');
  const failures = down.map((s) =>
    said('server.failed', { server: s.name, reason: s.said ?? said('reason.stopped-answering') }),
  );
  if (up.length === 0) {
    return down.some((s) => s.login)
      ? [
          `Not connected: the user name or password was refused (${why}).`,
          said('test.login-refused', { failures }),
        ]
      : [`Not connected: ${why}.`, said('test.not-connected', { failures })];
  }
  return [
    `Connected, with one server only: ${up.map(answeredWords).join(', ')}; ${why}. Sending still works, through the server that answers.`,
    said('test.one-server', { answered, failures }),
  ];
}

export async function testConnection(
  profile: Profile,
  timings: SessionTimings,
): Promise<ConnectionTest> {
  if (profile.password === null) {
    return {
      profile: profile.id,
      ok: false,
      servers: [],
      summary: `Not tested: the profile "${profile.name}" has no password yet.`,
      summarySaid: said('test.no-password', { profile: profile.name }),
    };
  }
  // One after the other: a server that answers gets the time it takes alone.
  const tested: TestedServer[] = [];
  for (let index = 0; index < profile.servers.length; index++)
    tested.push(await testServer(profile, index, timings));
  const [summary, summarySaid] = summaryOf(profile, tested);
  const servers = tested.map(({ login: _login, ...server }) => server);
  return { profile: profile.id, ok: servers.some((s) => s.ok), servers, summary, summarySaid };
}
