// One hostile file in a fresh process, so its peak memory is its own: `check` (the verdict and
// the command's text), `json` (every message too, as `check --json` prints it) or `process`
// (the emulated server's own run on it: read, checked, queued or rejected with its cause).
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFile } from '../core/check';
import type { Decision } from '../core/check';
import { processingName } from '../core/names';
import { writeVerdictJson } from '../core/verdict-json';
import { formatVerdict } from '../electron/cli/check-command';
import { nodeCheckOptions } from '../electron/base/native-text';
import { accountRoot, layoutOf } from '../electron/server/layout';
import { logger } from '../electron/server/log';
import { ProcessingRun } from '../electron/server/processing-run';
import { RetryStore, SPEC_RETRY } from '../electron/server/retries';

const [mode, path, name] = process.argv.slice(2) as [string, string, string];

/** The server's run on the file, claimed as `.processing` in a folder of its own. */
async function processAsTheServer(): Promise<{ ms: number; summary: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sendsheet-bench-'));
  try {
    const layout = layoutOf(dir);
    for (const folder of [accountRoot(layout, 'bench'), layout.outbox, layout.tmp, layout.retries])
      mkdirSync(folder, { recursive: true });
    const processing = processingName(name, new Date());
    copyFileSync(path, join(accountRoot(layout, 'bench'), processing));
    const said: string[] = [];
    const now = () => new Date();
    const run = new ProcessingRun(
      {
        layout,
        log: logger((entry) => said.push(entry.message), now),
        now,
        retry: SPEC_RETRY,
        faults: null,
      },
      new RetryStore(layout),
    );
    const started = performance.now();
    await run.process({ account: 'bench', processing });
    return { ms: performance.now() - started, summary: said.join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let ms: number;
let summary: string;
if (mode === 'process') {
  ({ ms, summary } = await processAsTheServer());
} else {
  // The Buffer itself, as the command reads a file: a copy would be 30 MiB more.
  const bytes: Uint8Array = readFileSync(path);
  const started = performance.now();
  let decision: Decision;
  let out: number;
  if (mode === 'json') {
    // As the command writes it: the verdict streamed from the rows, to /dev/null.
    const sink = openSync('/dev/null', 'w');
    out = 0;
    decision = writeVerdictJson({ name, bytes }, nodeCheckOptions, (chunk) => {
      out += chunk.length;
      writeSync(sink, chunk);
    })!;
    closeSync(sink);
  } else {
    const inspection = inspectFile({ name, bytes }, nodeCheckOptions);
    decision = inspection.decision;
    out = formatVerdict(name, decision, inspection.ucs2Messages).length;
  }
  const counted = Object.entries(decision.problemCounts)
    .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`)
    .join(', ');
  summary = `${decision.rows.toLocaleString('en-US')} rows, ${counted || 'no problems'}, ${decision.problems.length} kept, ${(out / 2 ** 20).toFixed(1)} MiB out`;
  ms = performance.now() - started;
}
process.stdout.write(
  JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, summary }),
);
