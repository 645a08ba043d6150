/**
 * What went wrong talking to a server, sorted by what the client does about it: a lost or
 * refused connection moves on to the other server; a refused login, an untrusted certificate or
 * encryption offered on one side only is the same on both, so retrying cannot help; any other
 * refusal is the server's answer.
 */
import { FTPError } from 'basic-ftp';
import { errorText } from '../../core/contract/errors';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';

export type FailureKind =
  /** Refused, timed out, reset or closed: try the other server, later this one again. */
  | 'connection'
  /** A 4xx answer: the server cannot now (no data port, disk busy); worth another try. */
  | 'transient'
  /** 530: the user name or password is wrong. */
  | 'login'
  /** TLS: the certificate is not the one trusted for this server. */
  | 'certificate'
  /** FTPS asked for, and the server refused AUTH TLS: it does not offer encryption. */
  | 'no-tls'
  /** Plain FTP, and the server refused the login for want of encryption. */
  | 'needs-tls'
  /** A 5xx answer to a command: the server will not do it. */
  | 'refused';

export interface Failure {
  kind: FailureKind;
  /** The FTP reply code, when the server answered. */
  code: number | null;
  /** A sentence a person understands. */
  reason: string;
  /** The reason as data, for the UI's language (core/contract/said.ts). */
  said: Said;
  /** The server's reply as it gave it (`421 Sorry, ...`), where the reason quotes it. */
  reply?: string;
}

/** Thrown by our own checks, already sorted. */
export class ClientFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

const CONNECTION_CODES: Record<string, [string, Said]> = {
  ECONNREFUSED: ['refused the connection', said('reason.refused-connection')],
  ECONNRESET: ['reset the connection', said('reason.reset-connection')],
  ECONNABORTED: ['aborted the connection', said('reason.closed-connection')],
  EPIPE: ['closed the connection', said('reason.closed-connection')],
  ETIMEDOUT: ['did not answer in time', said('reason.no-answer-in-time')],
  EHOSTUNREACH: ['cannot be reached (no route to the host)', said('reason.no-route')],
  ENETUNREACH: ['cannot be reached (the network is down)', said('reason.network-down')],
  ENOTFOUND: ['was not found (unknown host name)', said('reason.host-unknown')],
  EAI_AGAIN: ['was not found (the name lookup failed)', said('reason.host-unknown')],
};

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The first line of an FTP reply, without its code. */
function replyText(message: string): string {
  return message
    .split(/\r?\n/)[0]!
    .replace(/^\d{3}[ -]?/, '')
    .trim();
}

/**
 * AUTH TLS answered with a 5xx reply: the server has no FTPS (vsftpd without ssl_enable answers
 * `530 Please login with USER and PASS.`, pure-ftpd without -Y `500 This security scheme is not
 * implemented`), which a login would not change. A 4xx is not that: 421 is the server closing,
 * 431 a resource it lacks for now.
 */
export function tlsRefused(error: unknown): Failure | null {
  if (!(error instanceof FTPError) || error.code < 500) return null;
  const reply = `${error.code} ${replyText(error.message)}`;
  return {
    kind: 'no-tls',
    code: error.code,
    reason: `does not offer encryption (FTPS): it answered ${reply} to AUTH TLS`,
    said: said('reason.no-encryption', { reply }),
    reply,
  };
}

/** Words of a reply that turns a plain connection away for want of encryption. */
const ASKS_FOR_TLS = /\b(TLS|SSL|FTPS|encrypt\w*|cleartext)\b/i;

/**
 * The reason for a server that refused a plain login for want of encryption; `advice` says what
 * to do about it where the person chose plain FTP (the command line's `--plain`).
 */
export function needsTls(reply: string, code: number, advice = 'use FTPS'): Failure {
  return {
    kind: 'needs-tls',
    code,
    reason: `only accepts encrypted connections: ${advice} (it answered ${reply})`,
    said: said('reason.needs-encryption', { reply }),
    reply,
  };
}

/**
 * A reply to USER or PASS over plain FTP that asks for encryption: pure-ftpd -Y 2 answers `421
 * Sorry, cleartext sessions and weak ciphers are not accepted on this server.`, vsftpd with
 * force_anon_logins_ssl `530 Anonymous sessions must use encryption.`. As a 421 it would read
 * as a server closing, tried again for minutes; as a 530 as a wrong password.
 */
export function tlsDemanded(error: unknown): Failure | null {
  if (!(error instanceof FTPError) || error.code < 400) return null;
  if (!ASKS_FOR_TLS.test(error.message)) return null;
  return needsTls(`${error.code} ${replyText(error.message)}`, error.code);
}

export function classify(error: unknown): Failure {
  if (error instanceof ClientFailure) return error.failure;
  if (error instanceof FTPError) {
    const text = replyText(error.message);
    const reply = `${error.code} ${text}`;
    if (error.code === 530) {
      const reason = `refused the login (${text})`;
      return { kind: 'login', code: 530, reason, said: said('reason.login-refused', { reply }) };
    }
    // 421: the server is closing the connection (shutting down, too many users).
    if (error.code === 421) {
      const reason = `closed the connection (${text})`;
      return {
        kind: 'connection',
        code: 421,
        reason,
        said: said('reason.closed-by-server', { reply }),
      };
    }
    const kind = error.code >= 400 && error.code < 500 ? 'transient' : 'refused';
    const reason = `answered ${reply}`;
    return { kind, code: error.code, reason, said: said('reason.answered', { reply }) };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && TLS_CODES.has(code)) {
    return {
      kind: 'certificate',
      code: null,
      reason: `has a certificate that is not trusted (${code})`,
      said: said('reason.certificate', { detail: code }),
    };
  }
  if (code !== undefined && code in CONNECTION_CODES) {
    const [reason, sentence] = CONNECTION_CODES[code]!;
    return { kind: 'connection', code: null, reason, said: sentence };
  }
  const message = errorText(error);
  if (/^Timeout/i.test(message)) {
    const sentence = said('reason.stopped-answering');
    return { kind: 'connection', code: null, reason: 'stopped answering', said: sentence };
  }
  // basic-ftp's words for a control or data connection that closed under it, and any other
  // socket error: the connection is gone, whatever its cause.
  return {
    kind: 'connection',
    code: null,
    reason: `lost the connection (${message})`,
    said: said('reason.lost-connection', { detail: message }),
  };
}
