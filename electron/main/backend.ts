/**
 * What runs behind the window, as in headless mode: the emulated provider's two FTP servers
 * on this computer and the service, with the provider's real servers as a second profile.
 * When the emulated servers' ports are taken (a `sendsheet serve` is running), the window
 * uses that one instead of failing.
 */
import { join } from 'node:path';
import { emulatedProfile, providerProfile } from '../client/profile';
import type { Profile } from '../client/profile';
import { formatLogEntry } from '../server/log';
import { DEFAULT_PORTS, startProvider } from '../server/provider';
import type { Provider } from '../server/provider';
import { SendsheetService } from '../service/service';

export interface BackendOptions {
  /** The app's data: history and exports. */
  dataDir: string;
  /** The emulated provider's data folder. */
  providerDir: string;
  /** The emulated servers' control ports. Default 2121 and 2122. */
  ports?: readonly [number, number];
  /** The user name of the provider's real account, until the person gives one. */
  providerUser?: string;
  /** Called with the profiles before the service starts, to give them their credentials. */
  prepare?: (profiles: Profile[]) => Promise<void>;
  log: (line: string) => void;
}

export interface Backend {
  service: SendsheetService;
  /** The emulated provider, or null when another process runs it. */
  provider: Provider | null;
  profiles: readonly Profile[];
  /** The exports folder the service writes to by default. */
  exportsFolder: string;
  close(): Promise<void>;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const ports = options.ports ?? DEFAULT_PORTS;
  let provider: Provider | null = null;
  try {
    provider = await startProvider({
      dir: options.providerDir,
      ports,
      log: (entry) => {
        if (entry.level !== 'info') options.log(formatLogEntry(entry));
      },
    });
  } catch (error) {
    options.log(
      `The emulated provider did not start: ${(error as Error).message} Using the one already running on 127.0.0.1:${ports.join(' and ')}.`,
    );
  }
  const profiles: Profile[] = [
    emulatedProfile(
      provider ?? {
        host: '127.0.0.1',
        servers: ports.map((port, index) => ({ name: index === 0 ? 'A' : 'B', port })),
        certificate: null,
      },
    ),
    providerProfile(options.providerUser ?? '', null),
  ];
  try {
    await options.prepare?.(profiles);
    const service = await SendsheetService.start({ dataDir: options.dataDir, profiles });
    if (service.warning) options.log(service.warning);
    return {
      service,
      provider,
      profiles,
      exportsFolder: join(options.dataDir, 'exports'),
      async close() {
        await service.close();
        await provider?.close();
      },
    };
  } catch (error) {
    await provider?.close();
    throw error;
  }
}
