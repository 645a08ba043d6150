/**
 * The service tests' one emulated provider (with faults and quick retries) and a work folder
 * holding GOOD_CSV, BAD_CSV and OTHER_CSV, made before the file's tests and removed after.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { providerProfile } from '../client/profile';
import { Faults } from '../server/faults';
import { BAD_CSV, GOOD_CSV, startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import type { Batch, BatchState } from '../../core/contract/api';
import { SendsheetService } from './service';
import type { ServiceOptions } from './service';

/** Other messages than GOOD_CSV's: a send of its own, never one sent before. */
export const OTHER_CSV = 'msisdn,message\n4512345680,Other news\n';

export interface ServiceHarness {
  readonly provider: TestProvider;
  readonly faults: Faults;
  /** The folder the service's relative paths start from. */
  readonly work: string;
  start(dataDir: string, options?: Partial<ServiceOptions>): ReturnType<typeof started>;
}

async function started(
  provider: TestProvider,
  work: string,
  dataDir: string,
  options: Partial<ServiceOptions>,
) {
  const service = await SendsheetService.start({
    dataDir,
    profiles: [emulatedProfile(provider), providerProfile()],
    timings: { pollIntervalMs: 50, connectTimeoutMs: 1000 },
    cwd: work,
    ...options,
  });
  const seen: Batch[] = [];
  service.subscribe((batch) => seen.push(batch));
  const until = (id: string, states: BatchState[]) =>
    new Promise<Batch>((resolve) => {
      const found = seen.find((b) => b.id === id && states.includes(b.state));
      if (found) return resolve(found);
      const stop = service.subscribe((batch) => {
        if (batch.id === id && states.includes(batch.state)) {
          stop();
          resolve(batch);
        }
      });
    });
  return { service, seen, until };
}

/** Registers the provider's and the folder's setup and teardown in the calling test file. */
export function serviceHarness(): ServiceHarness {
  const faults = new Faults();
  let provider: TestProvider | undefined;
  let work: string | undefined;
  beforeAll(async () => {
    provider = await startTestProvider({ faults, retry: { intervalMs: 30 } });
    work = await mkdtemp(join(tmpdir(), 'sendsheet-service-'));
    await writeFile(join(work, 'good.csv'), GOOD_CSV);
    await writeFile(join(work, 'bad.csv'), BAD_CSV);
    await writeFile(join(work, 'other.csv'), OTHER_CSV);
  });
  afterAll(async () => {
    await provider?.close();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });
  return {
    faults,
    get provider() {
      if (provider === undefined) throw new Error('The provider starts in beforeAll.');
      return provider;
    },
    get work() {
      if (work === undefined) throw new Error('The work folder is made in beforeAll.');
      return work;
    },
    start(dataDir, options = {}) {
      return started(this.provider, this.work, dataDir, options);
    },
  };
}
