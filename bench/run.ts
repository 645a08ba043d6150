// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed.
// `npm run bench` builds the UI first (the UI benches drive the built app in Chromium).
import { spawnSync } from 'node:child_process';
import { benchCheck } from './check.bench';
import { benchCheckMany } from './check-many.bench';
import { benchCliStart } from './cli-start.bench';
import { benchExportLag } from './export-lag.bench';
import { benchHostile } from './hostile.bench';
import { benchSending } from './sending.bench';
import { benchServers } from './servers.bench';

// The benches that drive Chromium are type-checked with DOM types (e2e/tsconfig.json), so each
// runs as its own process rather than as an import of this Node-only project.
function inProcess(file: string): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  return run.status === 0;
}

function benchUi(): boolean {
  const ui = inProcess('bench/ui.bench.ts');
  // The same scroll on a plain page: what the machine does without the app, beside its figures.
  inProcess('bench/scroll-control.ts');
  return ui;
}

// The UI first: the benches after it run in this process and leave it holding a large heap,
// which took CPU from Chromium and made the UI's figures slower by a few hundred ms.
const results = [
  benchUi(),
  inProcess('bench/ui-growth.bench.ts'),
  inProcess('bench/end-to-end.bench.ts'),
  benchCliStart(),
  await benchCheckMany(),
  benchCheck(),
  benchHostile(),
  await benchServers(),
  await benchExportLag(),
  await benchSending(),
];
process.exitCode = results.every(Boolean) ? 0 : 1;
