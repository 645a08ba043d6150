/**
 * "Test connection": each server of a profile on its own (failover would hide one that is down),
 * as a send would reach it (client/ftp-session.ts: the same time-outs, encryption and pinned
 * certificate): log in, list the folder, and tell how long it took and which certificate it
 * showed, in words a person understands.
 */
import type { ConnectionTest, ServerTest } from '../../core/contract/api';
import { classify } from '../client/failures';
import { FtpSession } from '../client/ftp-session';
import type { SessionTimings } from '../client/ftp-session';
import type { Profile } from '../client/profile';
import { formatSecondsLong } from '../client/words';

async function testServer(
  profile: Profile,
  index: number,
  timings: SessionTimings,
): Promise<ServerTest> {
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
      fingerprint,
      error: null,
    };
  } catch (error) {
    return {
      ...base,
      ok: false,
      ms: performance.now() - started,
      files: null,
      fingerprint: null,
      error: classify(error).reason,
    };
  } finally {
    session?.close();
  }
}

function answered(test: ServerTest): string {
  const files = test.files === 1 ? '1 file' : `${test.files} files`;
  return `server ${test.name} answered in ${formatSecondsLong(test.ms)} (${files} in the account's folder)`;
}

function summaryOf(profile: Profile, servers: ServerTest[]): string {
  const up = servers.filter((s) => s.ok);
  const down = servers.filter((s) => !s.ok);
  if (down.length === 0) {
    return `Connected: logged in as ${profile.user}; ${up.map(answered).join(', ')}.`;
  }
  const why = down.map((s) => `server ${s.name} ${s.error}`).join('; ');
  if (up.length === 0) {
    const refused = down.some((s) => /refused the login/.test(s.error ?? ''));
    return refused
      ? `Not connected: the user name or password was refused (${why}).`
      : `Not connected: ${why}.`;
  }
  return `Connected, with one server only: ${up.map(answered).join(', ')}; ${why}. Sending still works, through the server that answers.`;
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
    };
  }
  // One after the other: a server that answers gets the time it takes alone.
  const servers: ServerTest[] = [];
  for (let index = 0; index < profile.servers.length; index++)
    servers.push(await testServer(profile, index, timings));
  return {
    profile: profile.id,
    ok: servers.some((s) => s.ok),
    servers,
    summary: summaryOf(profile, servers),
  };
}
