// How fast `sendsheet` starts: `sendsheet segments hi` beside `node -e 0`, interleaved, best of
// 15 each (the best is what the machine can do; the rest is other load). Target: within 3x.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const LAUNCHER = join(import.meta.dirname, '..', 'bin', 'sendsheet.js');

function timeRun(args: string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function benchCliStart(): boolean {
  // A first run builds the bundle when a source changed: not what is measured.
  timeRun([LAUNCHER, '--version']);
  const node: number[] = [];
  const segments: number[] = [];
  for (let i = 0; i < 15; i++) {
    node.push(timeRun(['-e', '0']));
    segments.push(timeRun([LAUNCHER, 'segments', 'hi']));
  }
  const best = (times: number[]) => Math.min(...times);
  const ratio = best(segments) / best(node);
  console.log('sendsheet start (best of 15):');
  console.log(`  node -e 0             : ${best(node).toFixed(0)} ms`);
  console.log(`  sendsheet segments hi : ${best(segments).toFixed(0)} ms (${ratio.toFixed(2)}x)`);
  const ok = ratio <= 3;
  console.log(`  target: within 3x of node -e 0: ${ok ? 'met' : 'MISSED'}`);
  return ok;
}

if (process.argv[1] === import.meta.filename) process.exitCode = benchCliStart() ? 0 : 1;
