// One hostile file in a fresh process, so its peak memory is its own: `check` (the verdict and
// the command's text), `json` (every message too, as `check --json` prints it) or `process`
// (the emulated server's run, cause appended on rejection).
import { readFileSync } from 'node:fs';
import { inspectFile } from '../core/check';
import type { Verdict } from '../core/check';
import { processFile } from '../core/processing';
import { formatVerdict } from '../electron/cli/check-command';
import { nodeCheckOptions } from '../electron/base/native-text';

const [mode, path, name] = process.argv.slice(2) as [string, string, string];
// The Buffer itself, as the command and the server read a file: a copy would be 30 MiB more.
const bytes: Uint8Array = readFileSync(path);
const started = performance.now();
let summary: string;
if (mode === 'process') {
  const result = processFile({ name, bytes }, new Date(), nodeCheckOptions);
  const { verdict } = result;
  summary =
    result.outcome === 'success'
      ? `${verdict.rows.toLocaleString('en-US')} rows queued`
      : `${verdict.problemCount.toLocaleString('en-US')} problems, ${result.bytes.length - bytes.length} bytes of cause`;
} else {
  const json = mode === 'json';
  const inspection = inspectFile({ name, bytes }, { ...nodeCheckOptions, keepMessages: json });
  const { decision } = inspection;
  const out = json
    ? JSON.stringify({ ...decision, messages: inspection.messages() } satisfies Verdict)
    : formatVerdict(name, decision, inspection.ucs2Messages);
  const counted = Object.entries(decision.problemCounts)
    .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`)
    .join(', ');
  summary = `${decision.rows.toLocaleString('en-US')} rows, ${counted || 'no problems'}, ${decision.problems.length} kept, ${(out.length / 2 ** 20).toFixed(1)} MiB out`;
}
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, summary }),
);
