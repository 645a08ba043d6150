/**
 * Where a batch goes: a profile is the provider's two servers (SPEC 0: both show the same files)
 * and one account on them. The default is the emulated provider, so the app works out of the
 * box (electron/backend/practice.ts); beside it, the provider's real servers, for which the user
 * gives name and password.
 */
import type { PasswordKeeping, ProfileSummary, Security } from '../../core/contract/api';

export interface FtpServer {
  /** `A` or `B`, as the status shows it. */
  name: string;
  host: string;
  port: number;
  /** Plain FTP, or explicit FTPS (AUTH TLS) with the data connections encrypted too. */
  security: Security;
  /**
   * The SHA-256 fingerprint the certificate must have (`AB:CD:...`), for a server whose
   * certificate no authority signed, like the emulated provider's; null to verify it the usual
   * way, against the system's authorities and the host name.
   */
  fingerprint: string | null;
}

export interface Profile {
  id: string;
  name: string;
  servers: readonly FtpServer[];
  user: string;
  /** Null until given: a real account's password is never stored by the app. */
  password: string | null;
  /** Servers on this computer for practice: nothing sent with them reaches anyone. */
  practice?: boolean;
  /**
   * What to do when a server of this profile turns plain FTP away for want of encryption, in
   * the words of where the profile was made (the command line's `leave out --plain`).
   */
  needsTlsAdvice?: string;
}

export const EMULATED_PROFILE_ID = 'emulated';
export const PROVIDER_PROFILE_ID = 'gatewayapi';

/**
 * The provider's own servers (SPEC 0), on the standard FTP port, with credentials from its
 * dashboard. Explicit FTPS with the usual certificate checks, so the password never crosses the
 * internet in clear text.
 */
export function providerProfile(user = '', password: string | null = null): Profile {
  return {
    id: PROVIDER_PROFILE_ID,
    name: 'GatewayAPI legacy FTP',
    servers: ['a', 'b'].map((letter) => ({
      name: letter.toUpperCase(),
      host: `${letter}.ftp.gatewayapi.com`,
      port: 21,
      security: 'ftps' as const,
      fingerprint: null,
    })),
    user,
    password,
  };
}

export function summarizeProfile(
  profile: Profile,
  passwordKept: PasswordKeeping = 'this-run',
): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    servers: profile.servers.map((server) => ({ ...server })),
    user: profile.user,
    hasPassword: profile.password !== null,
    practice: profile.practice ?? false,
    passwordKept,
  };
}
