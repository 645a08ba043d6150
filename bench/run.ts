// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { benchCheck } from './check.bench';
import { benchCliStart } from './cli-start.bench';
import { benchExportLag } from './export-lag.bench';
import { benchHostile } from './hostile.bench';
import { benchSending } from './sending.bench';
import { benchServers } from './servers.bench';

// The UI bench drives Chromium and is type-checked with DOM types (e2e/tsconfig.json), so it
// runs as its own process rather than as an import of this Node-only project.
function benchUi(): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ui.bench.ts'], {
    stdio: 'inherit',
  });
  // The same scroll on a plain page: what the machine does without the app, beside its figures.
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/scroll-control.ts'], { stdio: 'inherit' });
  return run.status === 0;
}

// The UI first: the benches after it run in this process and leave it holding a large heap,
// which took CPU from Chromium and made the UI's figures slower by a few hundred ms.
const ui = benchUi();
const results = [
  ui,
  benchCliStart(),
  benchCheck(),
  benchHostile(),
  await benchServers(),
  await benchExportLag(),
  await benchSending(),
];
process.exitCode = results.every(Boolean) ? 0 : 1;
