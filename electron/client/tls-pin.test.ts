// Issue 4: explicit FTPS with the emulated servers' self-signed certificate trusted by its
// SHA-256 fingerprint, checked before the password is sent; never "accept any certificate".
import { FTPError } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { said } from '../../core/contract/said';
import { classify, ClientFailure } from './failures';
import { FtpSession } from './ftp-session';
import { emulatedProfile } from '../backend/practice';
import type { FtpServer } from './profile';
import { normalizeFingerprint } from './tls-pin';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider();
});

afterAll(async () => {
  await provider.close();
});

const timings = { connectTimeoutMs: 2000, idleTimeoutMs: 3000 };
const credentials = { user: 'demo', password: 'demo' };

function server(fingerprint: string | null): FtpServer {
  return {
    name: 'A',
    host: provider.host,
    port: provider.servers[0]!.port,
    security: 'ftps',
    fingerprint,
  };
}

async function failure(open: Promise<unknown>) {
  try {
    await open;
  } catch (error) {
    return classify(error);
  }
  throw new Error('the session opened');
}

describe('normalizeFingerprint', () => {
  it('reads SHA-256 fingerprints with or without colons, in either case', () => {
    const hex = 'ab'.repeat(32);
    const expected = Array(32).fill('AB').join(':');
    expect(normalizeFingerprint(hex)).toBe(expected);
    expect(normalizeFingerprint(expected.toLowerCase())).toBe(expected);
    expect(normalizeFingerprint('ab'.repeat(31))).toBeNull();
    expect(normalizeFingerprint('zz'.repeat(32))).toBeNull();
  });
});

describe('explicit FTPS with a pinned certificate', () => {
  it('the emulated profile is FTPS pinned to the running provider, and uploads and lists over it', async () => {
    const profile = emulatedProfile(provider);
    expect(profile.servers.map((s) => [s.security, s.fingerprint])).toEqual([
      ['ftps', provider.certificate.fingerprint],
      ['ftps', provider.certificate.fingerprint],
    ]);
    const session = await FtpSession.open(profile.servers[1]!, credentials, timings);
    try {
      await session.upload(Buffer.from('pinned'), 'pinned.txt');
      expect(await session.size('pinned.txt')).toBe(6);
      expect((await session.list()).map((f) => f.name)).toContain('pinned.txt');
      expect(Buffer.from(await session.download('pinned.txt')).toString()).toBe('pinned');
    } finally {
      session.close();
    }
  });

  it('another fingerprint is refused before the login: the password is never sent', async () => {
    const logins = () =>
      provider.logs.filter((entry) => entry.message.includes('logged in')).length;
    const before = logins();
    const found = await failure(FtpSession.open(server('00'.repeat(32)), credentials, timings));
    expect(found.kind).toBe('certificate');
    expect(found.reason).toContain('is not the trusted one');
    expect(logins()).toBe(before);
  });

  it('without a pin, the self-signed certificate is not trusted', async () => {
    const found = await failure(FtpSession.open(server(null), credentials, timings));
    expect(found).toMatchObject({
      kind: 'certificate',
      reason: expect.stringContaining('SELF_SIGNED'),
    });
  });

  it('a data connection that shows another certificate is cut before a byte goes over it', async () => {
    const session = await FtpSession.open(
      server(provider.certificate.fingerprint),
      credentials,
      timings,
    );
    try {
      // Data connections normally resume the control connection's session; a fresh handshake
      // (as an attacker's would be) is checked against the pin, here a pin that cannot match.
      const context = (
        session as unknown as {
          client: { ftp: { tlsSessionStore: unknown; socket: { getSession(): unknown } } };
        }
      ).client.ftp;
      context.tlsSessionStore = undefined;
      context.socket.getSession = () => undefined;
      const { pinDataConnections } = await import('./tls-pin');
      pinDataConnections(context as never, Array(32).fill('00').join(':'), provider.host);
      await expect(session.upload(Buffer.from('x'), 'never.txt')).rejects.toThrow(
        /not the trusted one/,
      );
    } finally {
      session.close();
    }
  });
});

describe('failures sorted by what the client does about them', () => {
  it('our own checks keep their kind; socket errors and time-outs are lost connections', () => {
    const own = new ClientFailure({
      kind: 'certificate',
      code: null,
      reason: 'x',
      said: said('reason.certificate', { detail: 'x' }),
    });
    expect(classify(own).kind).toBe('certificate');
    expect(
      classify(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toEqual({
      kind: 'connection',
      code: null,
      reason: 'refused the connection',
      said: { code: 'reason.refused-connection' },
    });
    expect(classify(new Error('Timeout (control socket)')).reason).toBe('stopped answering');
    expect(classify(new Error('Server sent FIN packet unexpectedly')).kind).toBe('connection');
  });

  it.each([
    [530, 'login', 'refused the login (Login incorrect.)', 'reason.login-refused'],
    [421, 'connection', 'closed the connection (Login incorrect.)', 'reason.closed-by-server'],
    [425, 'transient', 'answered 425 Login incorrect.', 'reason.answered'],
    [550, 'refused', 'answered 550 Login incorrect.', 'reason.answered'],
  ])('an FTP answer %i is %s', (code, kind, reason, saidCode) => {
    const error = new FTPError({ code, message: `${code} Login incorrect.` });
    // The reason as data quotes the server's reply, which stays as the server said it.
    const reply = `${code} Login incorrect.`;
    expect(classify(error)).toEqual({
      kind,
      code,
      reason,
      said: { code: saidCode, values: { reply } },
    });
  });
});
