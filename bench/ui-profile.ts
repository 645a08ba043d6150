/**
 * Where a drop's time goes, stage by stage, in Chromium (not a target: the figures behind
 * bench/PROFILE.md). For each size: SheetJS's bare read
 * with its default options and with the app's, the app's whole reading in the worker, posting
 * its result as a plain structured clone and as the app posts it (texts cloned, arrays moved),
 * then the app's preview code on the page (renderer/src/logic), and the page's busiest
 * functions while it runs (a CPU profile, bundled without minifying so names stay).
 * `npx tsx bench/ui-profile.ts [ROWS...]` (default 100000).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';
import { DATA_DIR } from './fixtures';
import { openPipelinePage } from './pipeline/harness';
import type { ReadRun } from './pipeline/page';
import { customersWorkbook } from './workbooks';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The module of each line of the page's bundle, from the path esbuild writes before each. */
function modulesByLine(): string[] {
  const lines = readFileSync(join(DATA_DIR, 'pipeline', 'page.js'), 'utf8').split('\n');
  let module = '';
  return lines.map((line) => {
    const header = /^ {2}\/\/ (\S+\.[jt]s)$/.exec(line);
    if (header) module = header[1]!.replace(/^node_modules\//, '');
    return module;
  });
}

/** The functions with the most self time in a CPU profile, ms, with their modules. */
function busiest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const modules = modulesByLine();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const module = frame.url.endsWith('page.js') ? modules[frame.lineNumber] : '';
    const key = `${frame.functionName || '(anonymous)'}${module ? ` (${module})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function describeRead(run: ReadRun): string {
  const parts = [`${run.mode}: read ${ms(run.readMs)}`];
  if (run.packMs > 0) parts.push(`packed ${ms(run.packMs)}`);
  // postedAt is taken as postMessage is called: what follows the call is the transit.
  parts.push(
    `postMessage ${ms(run.postMs)}`,
    `transit ${ms(Math.max(0, run.transitMs - run.postMs))}`,
  );
  parts.push(`data to objects ${ms(run.deserializeMs)}`);
  if (run.unpackMs > 0) parts.push(`unpacked ${ms(run.unpackMs)}`);
  parts.push(`in all ${ms(run.totalMs)}`);
  return `  ${parts.join(', ')}`;
}

const sizes = process.argv.slice(2).map(Number);
const browser = await chromium.launch(CHROMIUM);
try {
  for (const rows of sizes.length > 0 ? sizes : [100_000]) {
    const book = customersWorkbook(rows);
    console.log(
      `${rows.toLocaleString('en-US')} rows (${(book.length / 2 ** 20).toFixed(1)} MiB):`,
    );
    const pipeline = await openPipelinePage(browser, true);
    for (const mode of ['bare', 'bare-app-options', 'app-transfer', 'app'] as const) {
      const run = await pipeline.read(mode, book);
      if (run.error) throw new Error(run.error);
      console.log(describeRead(run));
    }
    const cdp = await pipeline.page.context().newCDPSession(pipeline.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const stages = await pipeline.stages();
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    console.log(
      `  page: mapping guessed ${ms(stages.mappingMs)}, numbers ${ms(stages.numbersMs)}, messages ${ms(stages.messagesMs)}, rows checked ${ms(stages.previewMs)}, totals ${ms(stages.totalsMs)}; for a send, the messages made ${ms(stages.outgoingMs)}; heap after ${(usedSize / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log("  the page's busiest functions (self time):");
    for (const [name, time] of busiest(profile as never))
      console.log(`    ${ms(time).padStart(8)}  ${name}`);
    await pipeline.close();
  }
} finally {
  await browser.close();
}
