// Measurements of MODE (`check`, `messages`, `json` or `papaparse`) in a fresh process. With
// `serve`: run once for each line `run` read on stdin, each run's figures printed as a line of
// JSON (check.bench.ts keeps one such process for each mode and asks them in turn). With `once`:
// run once and print the process's peak memory, the peak of one mode and one run.
//
// No full collection is forced between runs (`gc()`): after about six of them V8 ran check's
// code up to twice as slow for the rest of the process (check 105 ms a run became 225,
// `--json` 285 became 430), while papaparse's parse kept its time. The command never forces
// one, and its natural collections left the code at its speed (ten runs of each, both ways).
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { checkFile, inspectFile } from '../core/check';
import { decode } from '../core/decode';
import { nodeCheckOptions } from '../electron/base/native-text';
import { checkCommand } from '../electron/cli/check-command';
import { writeFully } from '../electron/cli/standard-output';
import type { CommandIo } from '../electron/cli/io';

const [mode, path, name, how] = process.argv.slice(2) as [string, string, string, string];
const bytes = new Uint8Array(readFileSync(path));

/** One run of `mode`: its milliseconds and what it found. */
async function run(mode: string): Promise<{ ms: number; summary: string }> {
  if (mode === 'check') {
    // The check itself: decode, parse, validate, count parts; the verdict without messages.
    const started = performance.now();
    const { decision } = inspectFile({ name, bytes }, nodeCheckOptions);
    const ms = performance.now() - started;
    const summary = `${decision.status}, ${decision.rows} rows, ${decision.parts} parts, ${decision.problemCount} problems`;
    return { ms, summary };
  }
  if (mode === 'messages') {
    // The check plus every message built, as the server's queue needs them.
    const started = performance.now();
    const verdict = checkFile({ name, bytes }, nodeCheckOptions);
    return { ms: performance.now() - started, summary: `${verdict.messages.length} messages` };
  }
  if (mode === 'json') {
    // `sendsheet check FILE --json` as the command runs it, from reading the file to its last
    // byte written (to /dev/null, as `> /dev/null` would), every message included.
    const out = openSync('/dev/null', 'w');
    let written = 0;
    const io: CommandIo = {
      stdout: (text) => void writeSync(out, text),
      stdoutBytes: (chunk) => {
        written += chunk.length;
        writeFully(out, chunk);
      },
      stderr: (text) => void process.stderr.write(text),
      readStdin: () => Promise.reject(new Error('no standard input here')),
      cwd: process.cwd(),
    };
    const started = performance.now();
    const code = await checkCommand([path, '--as', name, '--json'], io);
    const ms = performance.now() - started;
    closeSync(out);
    return { ms, summary: `exit ${code}, ${(written / 2 ** 20).toFixed(1)} MiB of JSON` };
  }
  // papaparse's bare parse of the same text check reads (decoded by core, untimed); not
  // TextDecoder('windows-1252'), which Node 20.18.3+ gets wrong for 0x80-0x9F.
  const decoded = decode(bytes, 'cp1252', nodeCheckOptions.latin1);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  const text = decoded.text;
  const started = performance.now();
  const result = Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n' });
  const ms = performance.now() - started;
  return { ms, summary: `${result.data.length} records, ${result.errors.length} errors` };
}

if (how === 'serve') {
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== 'run') continue;
    process.stdout.write(`${JSON.stringify(await run(mode))}\n`);
  }
} else {
  await run(mode);
  process.stdout.write(JSON.stringify({ peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}
