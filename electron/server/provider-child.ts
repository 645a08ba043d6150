// A provider in a process of its own, for the test that kills it mid-processing
// (restart.test.ts): `node --import tsx provider-child.ts DIR STEP` holds the first file at STEP
// and says so on standard output, one JSON object a line.
import { Faults } from './faults';
import type { FaultStep } from './faults';
import { startProvider } from './provider';

const [dir, step] = process.argv.slice(2) as [string, FaultStep];
const faults = new Faults();
const hold = faults.hold(step);
const provider = await startProvider({
  dir,
  ports: [0, 0],
  passivePorts: 'any',
  loginDelayMs: 10,
  faults,
});
process.stdout.write(
  JSON.stringify({ ports: provider.servers.map((server) => server.port) }) + '\n',
);
process.stdout.write(JSON.stringify({ held: (await hold.reached).file }) + '\n');
