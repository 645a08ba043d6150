// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed
// or a bench fails.
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
function inProcess(file: string, args: string[] = []): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: 'inherit',
  });
  return run.status === 0;
}

// The UI bench scrolls a plain page beside the app's preview itself (scroll-control.ts).
const benchUi = () => inProcess('bench/ui.bench.ts');

/**
 * One bench: its figures printed, and false when a target is missed or it failed. A bench that
 * throws (a server that stopped answering, a browser that crashed) has its error printed, and
 * the benches after it still run: one failure must not hide every other figure.
 */
async function bench(name: string, run: () => boolean | Promise<boolean>): Promise<boolean> {
  try {
    return await run();
  } catch (error) {
    console.error(`${name} bench FAILED:`, error);
    return false;
  }
}

// An error no bench awaits (a socket's, a timer's) is printed and fails the run, but does not
// end it before the other benches have run.
let stray = false;
for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
  process.on(event, (error: unknown) => {
    stray = true;
    console.error(`bench: ${event}:`, error);
  });
}

// The UI first: the benches after it run in this process and leave it holding a large heap,
// which took CPU from Chromium and made the UI's figures slower by a few hundred ms.
const results = [
  await bench('ui', benchUi),
  // Each size's last drop then scrolled to the last row, exported and sent to every file
  // .success, as the whole sheet is: about a minute more at Excel's maximum.
  await bench('ui-growth', () => inProcess('bench/ui-growth.bench.ts', ['--stages'])),
  await bench('end-to-end', () => inProcess('bench/end-to-end.bench.ts')),
  await bench('cli-start', benchCliStart),
  await bench('check-many', benchCheckMany),
  await bench('check', benchCheck),
  await bench('hostile', benchHostile),
  await bench('servers', benchServers),
  await bench('export-lag', benchExportLag),
  await bench('sending', benchSending),
];
process.exitCode = results.every(Boolean) && !stray ? 0 : 1;
