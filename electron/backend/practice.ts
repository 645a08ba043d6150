/**
 * The practice profile: the emulated provider's two servers on this computer with its demo
 * account, as the app, `sendsheet app` and `sendsheet send` all reach it. The one place that
 * knows both the emulated provider and the client's profiles.
 */
import { EMULATED_PROFILE_ID } from '../client/profile';
import type { Profile } from '../client/profile';
import { DEMO_ACCOUNT } from '../server/accounts';
import type { Account } from '../server/accounts';
import { DEFAULT_PORTS } from '../server/provider';

/** What a running emulated provider tells about itself (electron/server/provider.ts). */
export interface EmulatedServers {
  host: string;
  servers: readonly { name: string; port: number }[];
  certificate: { fingerprint: string } | null;
}

/**
 * The emulated provider's two servers with the demo account. With its certificate's fingerprint
 * known (the provider runs in this process) it is explicit FTPS pinned to that certificate;
 * without (a `serve` started elsewhere), plain FTP, which on loopback carries nothing secret.
 */
export function emulatedProfile(
  provider: EmulatedServers,
  account: Readonly<Account> = DEMO_ACCOUNT,
): Profile {
  const fingerprint = provider.certificate?.fingerprint ?? null;
  return {
    id: EMULATED_PROFILE_ID,
    name: 'Practice on this computer',
    servers: provider.servers.map((server) => ({
      name: server.name,
      host: provider.host,
      port: server.port,
      security: fingerprint === null ? 'ftp' : 'ftps',
      fingerprint,
    })),
    user: account.user,
    password: account.password,
    practice: true,
  };
}

/** An emulated provider started elsewhere (`sendsheet serve`), on 127.0.0.1 at `ports`. */
export function runningElsewhere(ports: readonly number[] = DEFAULT_PORTS): EmulatedServers {
  return {
    host: '127.0.0.1',
    servers: ports.map((port, index) => ({ name: index === 0 ? 'A' : 'B', port })),
    certificate: null,
  };
}
