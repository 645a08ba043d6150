// For the tests of sending safely: a service on a test provider, and waits on its batches.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatedProfile } from '../backend/practice';
import { providerProfile } from '../client/profile';
import type { TestProvider } from '../server/ftp-test-util';
import { readOutbox } from '../server/outbox';
import type { Batch, BatchState } from '../../core/contract/api';
import { SendsheetService } from './service';
import type { ServiceOptions } from './service';

export async function dataFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sendsheet-data-'));
}

export async function startService(
  provider: TestProvider,
  dataDir: string,
  options: Partial<ServiceOptions> = {},
) {
  const service = await SendsheetService.start({
    dataDir,
    profiles: [emulatedProfile(provider), providerProfile()],
    timings: { pollIntervalMs: 50, connectTimeoutMs: 1000 },
    ...options,
  });
  const seen: Batch[] = [];
  service.subscribe((batch) => seen.push(batch));
  /**
   * The batch's first change into one of `states`, seen before or to come; or its state now,
   * for a change made while the service started, before anyone listened.
   */
  const until = async (id: string, states: BatchState[]): Promise<Batch> => {
    let stop = () => {};
    const coming = new Promise<Batch>((resolve) => {
      stop = service.subscribe((batch) => {
        if (batch.id === id && states.includes(batch.state)) resolve(batch);
      });
    });
    const now = (await service.batches({})).find((b) => b.id === id);
    const found =
      seen.find((b) => b.id === id && states.includes(b.state)) ??
      (now !== undefined && states.includes(now.state) ? now : undefined);
    try {
      return found ?? (await coming);
    } finally {
      stop();
    }
  };
  return { service, seen, until };
}

export const ENDS: BatchState[] = [
  'success',
  'rejected',
  'failed',
  'cancelled',
  'unknown',
  'vanished',
  'timed-out',
];

/** The messages the provider queued for batches whose upload name starts with `base`. */
export async function queued(provider: TestProvider, base: string) {
  return (await readOutbox(provider.dir)).filter((r) => r.batch.startsWith(base));
}
