// Issue 2: `check` on a 30 MiB, ~290,000-row Excel file in Windows-1252, beside papaparse's
// bare parse of the same text. Target: the full check (decode, parse, validate, count parts) is
// faster than the bare parse, and peaks under 400 MiB. Issue 16: so is `sendsheet check --json`
// (the command, from reading the file to writing its last byte), every message written out.
// Also shown: the check that builds every message as objects, as the server's queue does; and
// the command as people run it, a process from Node's start to its exit, its output sent to
// /dev/null, a file and a pipe, beside papaparse as a process of its own.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, excelCampaign, fixtureFile, THIRTY_MIB } from './fixtures';
import { median } from './median';

const MODES = ['check', 'messages', 'json', 'papaparse'] as const;
type Mode = (typeof MODES)[number];

interface Measurement {
  /** Each run's milliseconds. */
  times: number[];
  summary: string;
}

/** How check-worker.ts is started for `mode`: `serve` or `once` (see there). */
function workerArgs(mode: Mode, path: string, how: 'serve' | 'once'): string[] {
  const worker = new URL('./check-worker.ts', import.meta.url).pathname;
  return ['--import', 'tsx', worker, mode, path, 'campaign.csv.excel.ready', how];
}

/** The peak memory of a process that runs `mode` once, as the CLI and the servers do. */
function peakOf(mode: Mode, path: string): number {
  const out = execFileSync(process.execPath, workerArgs(mode, path, 'once'), {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return (JSON.parse(out) as { peakRssMiB: number }).peakRssMiB;
}

/** A process that runs `mode` once for each `run()` (check-worker.ts, `serve`). */
class ModeProcess {
  readonly #child: ChildProcessByStdio<Writable, Readable, null>;
  readonly #lines: AsyncIterator<string>;

  constructor(mode: Mode, path: string) {
    this.#child = spawn(process.execPath, workerArgs(mode, path, 'serve'), {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]();
  }

  async #line(): Promise<string> {
    const next = await this.#lines.next();
    if (next.done) throw new Error('a check-worker ended before its answer');
    return next.value;
  }

  /** Once the file is read and the process waits for its first run. */
  async ready(): Promise<void> {
    if ((await this.#line()) !== 'ready') throw new Error('a check-worker did not start');
  }

  async run(): Promise<{ ms: number; summary: string }> {
    this.#child.stdin.write('run\n');
    return JSON.parse(await this.#line()) as { ms: number; summary: string };
  }

  stop(): void {
    this.#child.stdin.end();
  }
}

const PROCESS_TIME = new URL('./process-time.mjs', import.meta.url).pathname;
const PAPAPARSE_PROCESS = new URL('./papaparse-process.mjs', import.meta.url).pathname;
const SENDSHEET = new URL('../bin/sendsheet.js', import.meta.url).pathname;

/**
 * Where a process's standard output goes: /dev/null, a file, or a pipe that `cat` reads (a
 * reader that keeps up: the bench's own Node reading it cost more than the writing).
 */
type Output = 'null' | 'file' | 'pipe';

/** A process's own time, its start to its exit (process-time.mjs), its output to `output`. */
async function processMs(args: string[], output: Output): Promise<number> {
  const path = output === 'file' ? join(DATA_DIR, 'check-output.jsonl') : '/dev/null';
  const node = [process.execPath, '--import', PROCESS_TIME, ...args];
  try {
    // The shell's redirection, as in a terminal: `"$0" "$@" > PATH`, or `| cat > /dev/null`.
    const to = output === 'pipe' ? '| cat > /dev/null' : '> "$OUT"';
    const child = spawn('sh', ['-c', `"$0" "$@" ${to}`, ...node], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OUT: path },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const ms = /process-ms ([\d.]+)\n$/.exec(stderr)?.[1];
    if (ms === undefined || code === null || code > 1)
      throw new Error(`${args.join(' ')} ended with ${code}: ${stderr}`);
    return Number(ms);
  } finally {
    if (output === 'file') rmSync(path, { force: true });
  }
}

/**
 * `sendsheet check FILE --json` as a process, to each output in turn, and papaparse as a
 * process after each: pairs a second apart, as the modes' rounds are.
 */
async function benchProcesses(path: string): Promise<boolean> {
  const command = ['check', path, '--as', 'campaign.csv.excel.ready', '--json'];
  // Built first if a source changed since: the launcher says so and builds, once.
  await processMs([SENDSHEET, ...command], 'null');
  const outputs: Output[] = ['null', 'file', 'pipe'];
  const pairs = 5;
  const times = new Map<Output | 'papaparse', number[]>(
    [...outputs, 'papaparse' as const].map((key) => [key, []]),
  );
  for (let pair = 0; pair < pairs; pair++) {
    for (const output of outputs) {
      times.get(output)!.push(await processMs([SENDSHEET, ...command], output));
      times.get('papaparse')!.push(await processMs([PAPAPARSE_PROCESS, path], 'null'));
    }
  }
  const papaparse = times.get('papaparse')!;
  console.log(
    `  as processes, Node's start to exit (${pairs} pairs each, \`sendsheet check --json\` then papaparse-process.mjs: start, read, decode, parse):`,
  );
  console.log(
    `    papaparse process: median ${median(papaparse).toFixed(0)} ms (${list(papaparse, 0)})`,
  );
  let met = true;
  for (const [index, output] of outputs.entries()) {
    const own = times.get(output)!;
    // Each run against the papaparse process right after it.
    const ratios = own.map((ms, pair) => ms / papaparse[pair * outputs.length + index]!);
    const worst = Math.max(...ratios);
    met &&= worst < 1;
    console.log(
      `    sendsheet check --json ${{ null: '> /dev/null', file: '> a file  ', pipe: '| cat     ' }[output]}: median ${median(own).toFixed(0)} ms (${list(own, 0)}); / papaparse process ${list(ratios)}, worst ${worst.toFixed(2)} (target < 1: ${worst < 1 ? 'met' : 'MISSED'})`,
    );
  }
  return met;
}

const list = (values: number[], digits = 2) => values.map((v) => v.toFixed(digits)).join(' ');

export async function benchCheck(): Promise<boolean> {
  const path = fixtureFile(
    'campaign-30mib.cp1252.csv',
    () => excelCampaign(THIRTY_MIB - 1024).bytes,
  );
  const size = statSync(path).size;
  // Rounds of a process for each mode, all four kept running and asked for a run in turn (the
  // order reversed every other round): each ratio is of runs a second apart, under the same
  // load, and a machine whose load changes changes every mode alike. A target is met only in
  // every round. A process for each mode, so that no mode's runs collect another's garbage:
  // papaparse's strings and the messages' objects, left in a shared heap, fell on whichever run
  // came next (check --json's runs varied from 280 to 500 ms so); and a full collection forced
  // between runs slows check's code (check-worker.ts).
  const rounds = 3;
  const runs = 3;
  const measured: Record<Mode, Measurement[]> = {
    check: [],
    messages: [],
    json: [],
    papaparse: [],
  };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? MODES : [...MODES].reverse();
    const processes = new Map(order.map((mode) => [mode, new ModeProcess(mode, path)]));
    try {
      for (const running of processes.values()) await running.ready();
      const times = new Map(order.map((mode) => [mode, [] as number[]]));
      const summaries = new Map<Mode, string>();
      for (let run = 0; run < runs; run++) {
        for (const mode of order) {
          const { ms, summary } = await processes.get(mode)!.run();
          times.get(mode)!.push(ms);
          summaries.set(mode, summary);
        }
      }
      for (const mode of MODES)
        measured[mode].push({ times: times.get(mode)!, summary: summaries.get(mode)! });
    } finally {
      for (const running of processes.values()) running.stop();
    }
  }
  // Peak memory from a process that runs one mode once, as the CLI and the servers do.
  const peak = Object.fromEntries(MODES.map((mode) => [mode, peakOf(mode, path)])) as Record<
    Mode,
    number
  >;
  const medianOf = (m: Measurement) => median(m.times);
  const bestOf = (m: Measurement) => Math.min(...m.times);
  const ms = (mode: Mode) => median(measured[mode].map(medianOf));
  const min = (mode: Mode) => Math.min(...measured[mode].map(bestOf));
  /** Each round's ratio to papaparse: of the runs' medians, and of their bests. */
  const ratios = (mode: Mode) => ({
    median: measured[mode].map((m, round) => medianOf(m) / medianOf(measured.papaparse[round]!)),
    best: measured[mode].map((m, round) => bestOf(m) / bestOf(measured.papaparse[round]!)),
  });
  const line = (label: string, mode: Mode) =>
    console.log(
      `  ${label}: ${ms(mode).toFixed(0)} ms (min ${min(mode).toFixed(0)}; rounds' medians ${list(measured[mode].map(medianOf), 0)}), peak RSS ${peak[mode].toFixed(0)} MiB  [${measured[mode][0]!.summary}]`,
    );
  console.log(
    `check on a ${(size / 2 ** 20).toFixed(1)} MiB Excel Windows-1252 file (${rounds} rounds of a process for each mode, the modes taking turns, ${runs} runs each):`,
  );
  line('sendsheet check ', 'check');
  line('check + messages', 'messages');
  line('check --json    ', 'json');
  line('papaparse parse ', 'papaparse');
  const report = (label: string, mode: Mode) => {
    const { median: medians, best } = ratios(mode);
    const worst = Math.max(...medians);
    const fast = worst < 1;
    const small = peak[mode] < 400;
    console.log(
      `  ${label} / papaparse by round: medians ${list(medians)}, bests ${list(best)}; worst ${worst.toFixed(2)} (target < 1 in every round: ${fast ? 'met' : 'MISSED'}); peak ${peak[mode].toFixed(0)} MiB, under 400: ${small ? 'met' : 'MISSED'}`,
    );
    return fast && small;
  };
  const check = report('check', 'check');
  const json = report('check --json', 'json');
  const processes = await benchProcesses(path);
  return check && json && processes;
}

if (process.argv[1] === import.meta.filename) process.exitCode = (await benchCheck()) ? 0 : 1;
