// One measurement in a fresh process, so its peak memory is its own: `check`, `messages`,
// `json` or `papaparse`, run RUNS times; prints each run's milliseconds.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import { checkFile, inspectFile } from '../core/check';
import { decode } from '../core/decode';
import { nodeCheckOptions } from '../electron/base/native-text';
import { checkCommand } from '../electron/cli/check-command';
import type { CommandIo } from '../electron/cli/io';

const [mode, path, name, runs] = process.argv.slice(2) as [string, string, string, string];
const bytes = new Uint8Array(readFileSync(path));
const times: number[] = [];
let summary = '';
for (let i = 0; i < Number(runs); i++) {
  if (mode === 'check') {
    // The check itself: decode, parse, validate, count parts; the verdict without messages.
    const started = performance.now();
    const { decision } = inspectFile({ name, bytes }, nodeCheckOptions);
    times.push(performance.now() - started);
    summary = `${decision.status}, ${decision.rows} rows, ${decision.parts} parts, ${decision.problemCount} problems`;
  } else if (mode === 'messages') {
    // The check plus every message built, as `check --json` and the server's queue need them.
    const started = performance.now();
    const verdict = checkFile({ name, bytes }, nodeCheckOptions);
    times.push(performance.now() - started);
    summary = `${verdict.messages.length} messages`;
  } else if (mode === 'json') {
    // `sendsheet check FILE --json` as the command runs it, from reading the file to its last
    // byte written (to /dev/null, as `> /dev/null` would), every message included.
    const out = openSync('/dev/null', 'w');
    let written = 0;
    const io: CommandIo = {
      stdout: (text) => void writeSync(out, text),
      stdoutBytes: (chunk) => {
        written += chunk.length;
        writeSync(out, chunk);
      },
      stderr: (text) => void process.stderr.write(text),
      readStdin: () => Promise.reject(new Error('no standard input here')),
      cwd: process.cwd(),
    };
    const started = performance.now();
    const code = await checkCommand([path, '--as', name, '--json'], io);
    times.push(performance.now() - started);
    closeSync(out);
    summary = `exit ${code}, ${(written / 2 ** 20).toFixed(1)} MiB of JSON`;
  } else {
    // papaparse's bare parse of the same text check reads (decoded by core, untimed); not
    // TextDecoder('windows-1252'), which Node 20.18.3+ gets wrong for 0x80-0x9F.
    const decoded = decode(bytes, 'cp1252', nodeCheckOptions.latin1);
    if (!decoded.ok) throw new Error(decoded.problem.message);
    const text = decoded.text;
    const started = performance.now();
    const result = Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n' });
    times.push(performance.now() - started);
    summary = `${result.data.length} records, ${result.errors.length} errors`;
  }
}
const sorted = [...times].sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    summary,
  }),
);
