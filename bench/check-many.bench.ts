// Issue 16: support checks folders of customer files. `sendsheet check FILE... --json` of 100
// small files in one call, beside the floor: the same checks in one plain Node process started
// for them (check-floor.ts, bundled), so the ratio is what the command adds to Node's start and
// core's work. Target: within 2x. Also shown: a call per file, as support did before.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DATA_DIR } from './fixtures';

const ROOT = join(import.meta.dirname, '..');
const LAUNCHER = join(ROOT, 'bin', 'sendsheet.js');
const FILES = 100;
const ROWS = 100;

/** 100 files of 100 rows, standard and Excel format, one in ten rejected. */
function smallFiles(): string[] {
  const dir = join(DATA_DIR, 'many');
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: FILES }, (_, file) => {
    const excel = file % 2 === 1;
    const delimiter = excel ? ';' : ',';
    const lines = [['msisdn', 'message', 'sender', 'userref'].join(delimiter)];
    for (let row = 0; row < ROWS; row++) {
      const msisdn = file % 10 === 9 && row === 50 ? '+4512345678' : `45${20_000_000 + row}`;
      lines.push(
        [msisdn, `Hej kunde ${row}, din pakke er klar`, 'Shop', `r${row}`].join(delimiter),
      );
    }
    const path = join(dir, `customer-${file}.csv${excel ? '.excel' : ''}`);
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    return path;
  });
}

function timeRun(args: string[]): number {
  const started = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore' });
  } catch (error) {
    // check exits 1 when a file is rejected, as one in ten here is.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function benchCheckMany(): Promise<boolean> {
  const files = smallFiles();
  const floor = join(DATA_DIR, 'check-floor.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'check-floor.ts')],
    outfile: floor,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  // A first run builds the command's bundle when a source changed: not what is measured.
  timeRun([LAUNCHER, '--version']);
  const oneCall: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 10; i++) {
    floors.push(timeRun([floor, ...files]));
    oneCall.push(timeRun([LAUNCHER, 'check', ...files, '--json']));
  }
  let perFile = 0;
  for (const file of files) perFile += timeRun([LAUNCHER, 'check', file, '--json']);
  const best = (times: number[]) => Math.min(...times);
  const ratio = best(oneCall) / best(floors);
  const ok = ratio <= 2;
  console.log(`check of ${FILES} files of ${ROWS} rows, --json (best of 10):`);
  console.log(`  core's check in one plain Node process : ${best(floors).toFixed(0)} ms`);
  console.log(
    `  sendsheet check FILE... (one call)      : ${best(oneCall).toFixed(0)} ms (${ratio.toFixed(2)}x; target within 2x: ${ok ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  sendsheet check FILE, a call per file   : ${perFile.toFixed(0)} ms in all (${(perFile / best(oneCall)).toFixed(1)} times the one call)`,
  );
  return ok;
}

if (process.argv[1] === import.meta.filename) process.exitCode = (await benchCheckMany()) ? 0 : 1;
