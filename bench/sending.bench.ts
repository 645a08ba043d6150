// Issue 4: sending, timed on loopback against the emulated provider. Targets: failing over when
// the first server refuses in under 0.5 s; when it is black-holed, the connect time-out plus
// under 0.5 s; a 30 MiB upload by our client at least 0.8 of curl's throughput, both uploading
// the same file to the same server in the same run.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Failover } from '../electron/client/failover';
import { FtpSession } from '../electron/client/ftp-session';
import { closedPort, startBlackHole } from '../electron/client/net-test-util';
import type { Profile } from '../electron/client/profile';
import { startTestProvider } from '../electron/server/ftp-test-util';
import { excelCampaign, fixtureFile, THIRTY_MIB } from './fixtures';
import { median } from './median';

const run = promisify(execFile);

function profile(
  ports: [number, number],
  security: 'ftp' | 'ftps' = 'ftp',
  fingerprint: string | null = null,
): Profile {
  return {
    id: 'bench',
    name: 'bench',
    servers: ports.map((port, i) => ({
      name: i === 0 ? 'A' : 'B',
      host: '127.0.0.1',
      port,
      security,
      fingerprint,
    })),
    user: 'demo',
    password: 'demo',
  };
}

async function timeConnect(ports: [number, number], connectTimeoutMs: number): Promise<number> {
  const failover = new Failover(profile(ports), { connectTimeoutMs, idleTimeoutMs: 10_000 });
  const started = performance.now();
  const connected = await failover.connect(10_000);
  const ms = performance.now() - started;
  if (!connected.ok || connected.server.name !== 'B') throw new Error('did not fail over to B');
  connected.session.close();
  return ms;
}

export async function benchSending(): Promise<boolean> {
  const provider = await startTestProvider();
  const hole = await startBlackHole();
  const portB = provider.servers[1]!.port;
  try {
    const runs = 5;
    const refused: number[] = [];
    const holed: number[] = [];
    const blackHoleTimeout = 1000;
    for (let i = 0; i < runs; i++)
      refused.push(await timeConnect([await closedPort(), portB], 4000));
    for (let i = 0; i < 3; i++) holed.push(await timeConnect([hole.port, portB], blackHoleTimeout));

    const file = fixtureFile(
      'campaign-30mib.cp1252.csv',
      () => excelCampaign(THIRTY_MIB - 1024).bytes,
    );
    const bytes = readFileSync(file);
    const port = provider.servers[0]!.port;
    const ours: number[] = [];
    const curl: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const session = await FtpSession.open(
        profile([port, port]).servers[0]!,
        { user: 'demo', password: 'demo' },
        { connectTimeoutMs: 4000, idleTimeoutMs: 20_000 },
      );
      await session.upload(bytes, `bench-ours-${i}.bin`);
      session.close();
      ours.push(performance.now() - started);
      const curlStarted = performance.now();
      await run('curl', [
        '-sS',
        '--user',
        'demo:demo',
        '-T',
        file,
        `ftp://127.0.0.1:${port}/bench-curl-${i}.bin`,
      ]);
      curl.push(performance.now() - curlStarted);
      const cleanup = await FtpSession.open(
        profile([port, port]).servers[0]!,
        { user: 'demo', password: 'demo' },
        { connectTimeoutMs: 4000, idleTimeoutMs: 20_000 },
      );
      await cleanup.remove(`bench-ours-${i}.bin`);
      await cleanup.remove(`bench-curl-${i}.bin`);
      cleanup.close();
    }
    const mib = bytes.length / 2 ** 20;
    const oursRate = mib / (median(ours) / 1000);
    const curlRate = mib / (median(curl) / 1000);
    const ratio = oursRate / curlRate;

    const refusedMet = median(refused) < 500;
    const holedMet = median(holed) < blackHoleTimeout + 500;
    const uploadMet = ratio >= 0.8;
    console.log('sending, on loopback against the emulated provider:');
    console.log(
      `  fail over, first server refuses   : ${median(refused).toFixed(0)} ms median of ${runs} to logged in on B (target < 500: ${refusedMet ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  fail over, first server black-hole: ${median(holed).toFixed(0)} ms median of 3 with a ${blackHoleTimeout} ms connect time-out (target < ${blackHoleTimeout + 500}: ${holedMet ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  ${mib.toFixed(1)} MiB upload, plain FTP    : ours ${median(ours).toFixed(0)} ms (${oursRate.toFixed(0)} MiB/s), curl ${median(curl).toFixed(0)} ms (${curlRate.toFixed(0)} MiB/s), ratio ${ratio.toFixed(2)} (target >= 0.8: ${uploadMet ? 'met' : 'MISSED'})`,
    );
    return refusedMet && holedMet && uploadMet;
  } finally {
    await hole.close();
    await provider.close();
    await rm(provider.dir, { recursive: true, force: true });
  }
}
