// A provider in a process of its own, for the tests that kill it mid-processing
// (restart.test.ts) or bound its memory (processing-memory.test.ts):
// `node --import tsx provider-child.ts DIR STEP` holds the first file at STEP and says so on
// standard output, one JSON object a line; with STEP `none` it holds nothing, and answers each
// line `peak` on standard input with its peak resident memory so far.
import { createInterface } from 'node:readline';
import { Faults } from './faults';
import type { FaultStep } from './faults';
import { startProvider } from './provider';

const [dir, step] = process.argv.slice(2) as [string, FaultStep | 'none'];
const faults = new Faults();
const hold = step === 'none' ? null : faults.hold(step);
const provider = await startProvider({
  dir,
  ports: [0, 0],
  passivePorts: 'any',
  loginDelayMs: 10,
  faults,
});
const say = (value: object) => process.stdout.write(JSON.stringify(value) + '\n');
say({ ports: provider.servers.map((server) => server.port) });
if (hold === null) {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'peak') say({ peakRssMiB: process.resourceUsage().maxRSS / 1024 });
  }
  await provider.close();
} else {
  say({ held: (await hold.reached).file });
}
