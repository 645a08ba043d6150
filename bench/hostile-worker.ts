// One hostile file in a fresh process, so its peak memory is its own: `check` (the command, its
// verdict as text), `json` (`check --json`, every message too) or `process`
// (the emulated server's own run on it: read, checked, queued or rejected with its cause).
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processingName } from '../core/names';
import { checkCommand } from '../electron/cli/check-command';
import type { CommandIo } from '../electron/cli/io';
import { writeFully } from '../electron/cli/standard-output';
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
  // The command itself, as support runs it: it reads the file (a large Windows-1252 one a
  // window at a time), and writes its verdict (to /dev/null), every message too with --json.
  const sink = openSync('/dev/null', 'w');
  let out = 0;
  let text = '';
  const io: CommandIo = {
    stdout: (chunk) => {
      out += chunk.length;
      if (text.length < 4096) text += chunk;
      writeSync(sink, chunk);
    },
    stdoutBytes: (chunk) => {
      out += chunk.length;
      if (text.length < 4096) text += Buffer.from(chunk.subarray(0, 4096)).toString('utf8');
      writeFully(sink, chunk);
    },
    stderr: (chunk) => void process.stderr.write(chunk),
    readStdin: () => Promise.reject(new Error('no standard input here')),
    cwd: process.cwd(),
  };
  const args = [path, '--as', name, ...(mode === 'json' ? ['--json'] : [])];
  const started = performance.now();
  const code = await checkCommand(args, io);
  ms = performance.now() - started;
  closeSync(sink);
  const said =
    mode === 'json'
      ? `${/"status":"(\w+)"/.exec(text)?.[1]}, ${/"rows":(\d+)/.exec(text)?.[1]} rows`
      : text
          .split('\n')
          .slice(0, 5)
          .map((l) => l.trim())
          .join('; ');
  summary = `exit ${code}: ${said}, ${(out / 2 ** 20).toFixed(1)} MiB out`;
}
process.stdout.write(
  JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, summary }),
);
