// Issue 2: `check` on a 30 MiB, ~250,000-row Excel file in Windows-1252, beside papaparse's
// bare parse of the same text. Target: the full check (decode, parse, validate, count parts) is
// faster than the bare parse, and peaks under 400 MiB. Also shown: the check that builds every
// message as well, as `check --json` and the server's queue do.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { excelCampaign, fixtureFile, THIRTY_MIB } from './fixtures';

interface Measurement {
  medianMs: number;
  minMs: number;
  peakRssMiB: number;
  summary: string;
}

function measure(
  mode: 'check' | 'messages' | 'papaparse',
  path: string,
  runs: number,
): Measurement {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./check-worker.ts', import.meta.url).pathname,
      mode,
      path,
      'campaign.csv.excel.ready',
      String(runs),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as Measurement;
}

export function benchCheck(): boolean {
  const path = fixtureFile(
    'campaign-30mib.cp1252.csv',
    () => excelCampaign(THIRTY_MIB - 1024).bytes,
  );
  const size = statSync(path).size;
  const runs = 5;
  // Time over several runs in one process; peak memory from a process that checks once, as
  // the CLI and the servers do (several runs in one process only measure how late V8 collects).
  const check = measure('check', path, runs);
  const messages = measure('messages', path, runs);
  const papa = measure('papaparse', path, runs);
  check.peakRssMiB = measure('check', path, 1).peakRssMiB;
  messages.peakRssMiB = measure('messages', path, 1).peakRssMiB;
  papa.peakRssMiB = measure('papaparse', path, 1).peakRssMiB;
  const ratio = check.medianMs / papa.medianMs;
  console.log(
    `check on a ${(size / 2 ** 20).toFixed(1)} MiB Excel Windows-1252 file (median of ${runs}):`,
  );
  console.log(
    `  sendsheet check : ${check.medianMs.toFixed(0)} ms (min ${check.minMs.toFixed(0)}), peak RSS ${check.peakRssMiB.toFixed(0)} MiB  [${check.summary}]`,
  );
  console.log(
    `  check + messages: ${messages.medianMs.toFixed(0)} ms (min ${messages.minMs.toFixed(0)}), peak RSS ${messages.peakRssMiB.toFixed(0)} MiB  [${messages.summary}]`,
  );
  console.log(
    `  papaparse parse : ${papa.medianMs.toFixed(0)} ms (min ${papa.minMs.toFixed(0)}), peak RSS ${papa.peakRssMiB.toFixed(0)} MiB  [${papa.summary}]`,
  );
  const fast = ratio < 1;
  const small = check.peakRssMiB < 400;
  console.log(
    `  check / papaparse = ${ratio.toFixed(2)} (target < 1: ${fast ? 'met' : 'MISSED'}); peak under 400 MiB: ${small ? 'met' : 'MISSED'}`,
  );
  return fast && small;
}
