/**
 * `npm run build:renderer`: builds the user interface now, as `sendsheet app` does when it must,
 * and keeps the same stamp, so the next start knows it is up to date. `--clean` empties the
 * folder first (`npm run build`, for the packages: older builds' files have no place there).
 */
import { uiTarget } from './app-builds';
import { ensureBuilt } from './stale-build';

const clean = process.argv.includes('--clean');
try {
  await ensureBuilt(
    uiTarget(),
    { stdout: (text) => void process.stdout.write(text) },
    {
      force: true,
      clean,
    },
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
