/**
 * Trusting a server's certificate by its SHA-256 fingerprint, for servers whose certificate no
 * authority signed (the emulated provider's is self-signed): the control connection is checked
 * before the password is sent, and every data connection is checked before a byte goes over it.
 * Never a blanket "accept any certificate".
 */
import { TLSSocket } from 'node:tls';
import type { FTPContext } from 'basic-ftp';
import { said } from '../../core/contract/said';
import { ClientFailure } from './failures';

/** `AB:CD:...` in upper case, 32 bytes; null when `text` is not a SHA-256 fingerprint. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

function mismatch(host: string, found: string | undefined): ClientFailure {
  return new ClientFailure({
    kind: 'certificate',
    code: null,
    reason: `has a certificate whose fingerprint (${found || 'none'}) is not the trusted one for ${host}`,
    said: said('reason.certificate-not-pinned', { fingerprint: found || '-' }),
  });
}

/** Checks an established TLS socket against the pinned fingerprint. */
export function checkPinned(socket: TLSSocket, pin: string, host: string): void {
  const found = socket.getPeerCertificate().fingerprint256;
  if (normalizeFingerprint(found ?? '') !== pin) throw mismatch(host, found);
}

/**
 * From now on, a data connection of `ftp` is cut at its handshake unless it resumed the control
 * connection's session (authenticated by it) or shows the pinned certificate. basic-ftp sets a
 * data socket through its context's `dataSocket` setter before the handshake ends, and waits
 * for it before it sends; the check is put in front there.
 */
export function pinDataConnections(ftp: FTPContext, pin: string, host: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ftp), 'dataSocket');
  if (!descriptor?.get || !descriptor.set)
    throw new Error('basic-ftp changed: no dataSocket setter');
  const { get, set } = descriptor;
  Object.defineProperty(ftp, 'dataSocket', {
    configurable: true,
    get() {
      return get.call(this);
    },
    set(socket: unknown) {
      if (socket instanceof TLSSocket) {
        socket.prependOnceListener('secureConnect', () => {
          if (socket.isSessionReused()) return;
          try {
            checkPinned(socket, pin, host);
          } catch (error) {
            socket.destroy(error as Error);
          }
        });
      }
      set.call(this, socket);
    },
  });
}
