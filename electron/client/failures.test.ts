// Issue 19: what the replies of servers we did not write mean, each as vsftpd 3.0.3 and pure-ftpd
// 1.0.50 give it (third-party-send.test.ts has them say it), sorted by what the client does.
import { FTPError } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { classify, needsTls, tlsDemanded, tlsRefused } from './failures';

const reply = (code: number, message: string) => new FTPError({ code, message });

describe('issue 19: encryption offered on one side only is said as such, and is not retried', () => {
  it.each([
    [530, '530 Please login with USER and PASS.'],
    [500, '500 This security scheme is not implemented'],
  ])('a %i reply to AUTH TLS: the server does not offer FTPS', (code, message) => {
    expect(tlsRefused(reply(code, message))).toEqual({
      kind: 'no-tls',
      code,
      reason: `does not offer encryption (FTPS): it answered ${message} to AUTH TLS`,
      said: { code: 'reason.no-encryption', values: { reply: message } },
      reply: message,
    });
  });

  it.each([
    [421, '421 Too many users'],
    [431, '431 Unable to accept security mechanism'],
  ])('a %i reply to AUTH TLS is not that: a server closing or busy', (code, message) => {
    expect(tlsRefused(reply(code, message))).toBeNull();
    expect(tlsRefused(new Error('socket hang up'))).toBeNull();
  });

  it.each([
    [
      421,
      '421-Sorry, cleartext sessions and weak ciphers are not accepted on this server.\n421 Please reconnect using TLS security mechanisms.',
      '421 Sorry, cleartext sessions and weak ciphers are not accepted on this server.',
    ],
    [
      530,
      '530 Anonymous sessions must use encryption.',
      '530 Anonymous sessions must use encryption.',
    ],
    [
      530,
      '530 Non-anonymous sessions must use encryption.',
      '530 Non-anonymous sessions must use encryption.',
    ],
  ])(
    'a %i reply to a plain login asking for encryption: only FTPS is accepted',
    (code, message, first) => {
      expect(tlsDemanded(reply(code, message))).toEqual({
        kind: 'needs-tls',
        code,
        reason: `only accepts encrypted connections: use FTPS (it answered ${first})`,
        said: { code: 'reason.needs-encryption', values: { reply: first } },
        reply: first,
      });
      // Where the person chose plain FTP, the reason tells what to do instead.
      expect(needsTls(first, code, 'leave out --plain').reason).toBe(
        `only accepts encrypted connections: leave out --plain (it answered ${first})`,
      );
    },
  );

  it.each([
    [530, '530 Login incorrect.'],
    [530, '530 Login authentication failed'],
    [421, '421 Too many connections (5) from this IP'],
  ])('a %i reply without such words is what it was before: %s', (code, message) => {
    expect(tlsDemanded(reply(code, message))).toBeNull();
    expect(classify(reply(code, message)).kind).toBe(code === 530 ? 'login' : 'connection');
  });
});
