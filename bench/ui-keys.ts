/**
 * Issue 16's keystroke target alone: a 100,000-row .xlsx dropped, then a sender typed a key at a
 * time, each keystroke timed to the frame after it (as bench/ui.bench.ts times it), without the
 * scroll and the floor read, so that two builds can be compared in alternating runs. Two
 * senders: one valid at every keystroke, and one that a letter makes invalid and deleting it
 * makes valid again (an invalid sender is named in the problems of every row that takes it).
 * Two cases more: the first keystroke after the drop, typed as soon as the preview shows its
 * total (nothing settled before it), and the invalid sender typed while the list shows its rows
 * with problems first (a filter redone when the sender's verdict changes).
 * `npx tsx bench/ui-keys.ts [rows] [--profile]` (--profile: each keystroke's busiest functions); needs `npm run build:renderer` and /usr/bin/chromium.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';
import { choosePractice, startApp } from '../e2e/kit/app-process';
import { BACKSPACE, timedKeystroke } from './keystroke';
import { explainedByStall, lateness, watchStalls } from './stalls';
import { customersWorkbook } from './workbooks';

const KEYSTROKE_MS = 50;

interface Typing {
  name: string;
  /** Each key in turn (BACKSPACE deletes), typed into an empty sender. */
  keys: readonly string[];
  /** Typed at once after the drop, into the sender as the drop left it (empty). */
  afterDrop?: true;
  /** The list's filter while typing (its select's value); else all rows in order. */
  filter?: string;
}

const INVALID_AND_BACK = [...'Shop Nørd', BACKSPACE, BACKSPACE, BACKSPACE];

/** In order: the first is typed before anything else is done with the page. */
const TYPINGS: readonly Typing[] = [
  { name: 'the first keystroke after the drop, "S"', keys: ['S'], afterDrop: true },
  { name: 'valid "Shop Nord"', keys: [...'Shop Nord'] },
  {
    name: '"Shop Nørd", invalid from "ø", then deleted back to "Shop N"',
    keys: INVALID_AND_BACK,
  },
  {
    name: '"Shop Nørd" and back, the list showing problems first',
    keys: INVALID_AND_BACK,
    filter: 'problems-first',
  },
];

const keyName = (key: string) => (key === BACKSPACE ? '⌫' : key);

export async function benchKeys(rows: number, profile = false, trace = false): Promise<boolean> {
  const app = await startApp();
  // The first run's choice made, as the end-to-end tests make it: else the page asks it first.
  await choosePractice(app.ready);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(app.ready.url!);
    await page.getByTestId('file-input').setInputFiles({
      name: 'big.xlsx',
      mimeType: 'application/octet-stream',
      buffer: customersWorkbook(rows),
    });
    await page.waitForFunction(
      (rows) =>
        document.querySelector('[data-testid=total-recipients]')?.textContent ===
        rows.toLocaleString('en-US'),
      rows,
      { polling: 'raf', timeout: 300_000 },
    );
    const sender = page.getByRole('textbox', { name: 'Sender' });
    await sender.focus();
    const watcher = await watchStalls();
    const profiler = profile ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const typed: { typing: Typing; keystrokes: number[]; ends: number[] }[] = [];
    for (const typing of TYPINGS) {
      if (!typing.afterDrop) {
        // Each typing starts from an empty sender, its preview settled, untimed.
        await page.getByLabel('Show', { exact: true }).selectOption(typing.filter ?? 'all');
        await sender.fill('');
        await page.waitForTimeout(300);
        await sender.focus();
      }
      const keystrokes: number[] = [];
      /** When each keystroke's frame came, ms since the epoch, to judge it against the stalls. */
      const ends: number[] = [];
      for (const key of typing.keys) {
        if (profiler) await profiler.send('Profiler.start');
        if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        keystrokes.push(await timedKeystroke(page, key));
        ends.push(Date.now());
        const label = `"${keyName(key)}" ${keystrokes.at(-1)!.toFixed(0)} ms`;
        if (trace) console.log(`keys: ${label} trace: ${mainThread(await browser.stopTracing())}`);
        if (profiler) {
          const { profile: taken } = (await profiler.send('Profiler.stop')) as {
            profile: CpuProfile;
          };
          console.log(`keys: ${label}: ${busiest(taken)}`);
        }
      }
      typed.push({ typing, keystrokes, ends });
    }
    const stalls = await watcher.stop();
    let ok = true;
    for (const { typing, keystrokes, ends } of typed) {
      const met = keystrokes.every((ms) => ms < KEYSTROKE_MS);
      ok &&= met;
      // A keystroke over the target while the machine stalled (a timer outside the browser held
      // up) is reported apart, as the UI bench reports long frames, and still counted.
      const stalled = keystrokes.flatMap((ms, k) =>
        ms >= KEYSTROKE_MS
          ? [
              `"${keyName(typing.keys[k]!)}" ${ms.toFixed(0)} ms: a timer outside the browser was late by ${lateness(ends[k]!, ms, stalls)} ms at most meanwhile${explainedByStall(ends[k]!, ms, stalls, KEYSTROKE_MS) ? ', so the machine stalled' : ''}`,
            ]
          : [],
      );
      const sorted = [...keystrokes].sort((a, b) => a - b);
      console.log(
        `keys: typing ${typing.name} with ${rows.toLocaleString('en-US')} rows: ${keystrokes.map((ms, k) => `${keyName(typing.keys[k]!)} ${ms.toFixed(0)}`).join(', ')} ms (median ${sorted[sorted.length >> 1]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)}; target < ${KEYSTROKE_MS}: ${met ? 'met' : 'MISSED'})`,
      );
      if (stalled.length > 0) console.log(`keys: over the target: ${stalled.join('; ')}`);
    }
    return ok;
  } finally {
    await browser.close();
    await app.stop();
  }
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8',
  'blink',
  'disabled-by-default-devtools.timeline',
];

/** The renderer's main thread in a trace: the time of each kind of work, the largest first. */
function mainThread(buffer: Buffer): string {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const spent = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.tid !== main?.tid || event.pid !== main?.pid) continue;
    spent.set(event.name, (spent.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
  }
  return [...spent]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join('; ');
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** The parts of the DevTools protocol's Profiler.Profile read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions that took the most of a keystroke's profile (self time), with their share. */
function busiest(profile: CpuProfile): string {
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[index] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join('; ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const rows = Number(args.find((arg) => !arg.startsWith('--')) ?? 100_000);
  process.exitCode = (await benchKeys(rows, args.includes('--profile'), args.includes('--trace')))
    ? 0
    : 1;
}
