/**
 * What runs behind the UI, in the window and in headless mode alike: the emulated provider's two
 * FTP servers on this computer (unless told not to), the profiles (practice, and the provider's
 * real servers) and the service. The one composition root of the Node side.
 */
import type { PasswordKeeping } from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import { providerProfile } from '../client/profile';
import type { Profile } from '../client/profile';
import { formatLogEntry } from '../server/log';
import { DEFAULT_PORTS, startProvider } from '../server/provider';
import type { Provider } from '../server/provider';
import { exportsFolder, SendsheetService } from '../service/service';
import type { TestControls } from '../../core/contract/test-controls';
import { Faults } from '../server/faults';
import { ProviderControls } from '../server/test-controls';
import { emulatedProfile, runningElsewhere } from './practice';

export interface BackendOptions {
  /** The app's data: history and exports. */
  dataDir: string;
  /** The emulated provider's data folder; null to start none and use one running elsewhere. */
  providerDir: string | null;
  /** The emulated servers' control ports. Default 2121 and 2122. */
  ports?: readonly [number, number];
  /**
   * When the emulated provider cannot start (its ports are taken): `use-running` takes the one
   * already running there (a `sendsheet serve`, say), `fail` throws.
   */
  whenProviderFails: 'use-running' | 'fail';
  /** The provider's real account, until the person gives one in the app. */
  providerUser?: string;
  providerPassword?: string | null;
  /** Folders exports may go to besides the app's own (the save dialog's: ServiceOptions). */
  mayExportTo?: (folder: string) => boolean;
  /** Where a password given in the app is kept (ServiceOptions). */
  passwordKept?: PasswordKeeping;
  /** Make the emulated provider's test controls (`--test-controls`; never the desktop window). */
  testControls?: boolean;
  /** Called with the profiles before the service starts, to give them their credentials. */
  prepare?: (profiles: Profile[]) => Promise<void>;
  log: (line: string) => void;
}

export interface Backend {
  service: SendsheetService;
  /** The emulated provider, or null when another process runs it. */
  provider: Provider | null;
  profiles: readonly Profile[];
  /** The emulated provider's test controls, when asked for and the provider runs here. */
  controls: TestControls | null;
  /** The app's own exports folder, where the save dialog starts. */
  exportsFolder: string;
  close(): Promise<void>;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const ports = options.ports ?? DEFAULT_PORTS;
  let provider: Provider | null = null;
  if (options.providerDir !== null) {
    try {
      provider = await startProvider({
        dir: options.providerDir,
        ports,
        faults: options.testControls ? new Faults() : undefined,
        log: (entry) => {
          if (entry.level !== 'info') options.log(formatLogEntry(entry));
        },
      });
    } catch (error) {
      if (options.whenProviderFails === 'fail') throw error;
      options.log(
        `The emulated provider did not start: ${errorText(error)} Using the one already running on 127.0.0.1:${ports.join(' and ')}.`,
      );
    }
  }
  const profiles: Profile[] = [
    emulatedProfile(provider ?? runningElsewhere(ports)),
    providerProfile(options.providerUser ?? '', options.providerPassword ?? null),
  ];
  try {
    await options.prepare?.(profiles);
    const service = await SendsheetService.start({
      dataDir: options.dataDir,
      profiles,
      ...(options.mayExportTo ? { mayExportTo: options.mayExportTo } : {}),
      ...(options.passwordKept ? { passwordKept: options.passwordKept } : {}),
    });
    if (service.warning) options.log(service.warning);
    return {
      service,
      provider,
      profiles,
      controls: provider?.faults ? new ProviderControls(provider) : null,
      exportsFolder: exportsFolder(options.dataDir),
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
