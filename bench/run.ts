// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { benchCheck } from './check.bench';
import { benchSending } from './sending.bench';
import { benchServers } from './servers.bench';

// The UI bench drives Chromium and is type-checked with DOM types (e2e/tsconfig.json), so it
// runs as its own process rather than as an import of this Node-only project.
function benchUi(): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ui.bench.ts'], {
    stdio: 'inherit',
  });
  return run.status === 0;
}

const results = [benchCheck(), await benchServers(), await benchSending(), benchUi()];
process.exitCode = results.every(Boolean) ? 0 : 1;
