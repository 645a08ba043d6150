import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { explainedByStall, lateness } from './stalls';
import type { Stall } from './stalls';

/** Waits for a condition, or fails after a few seconds rather than at the test's time-out. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5_000) throw new Error('the watcher process did not answer');
    await sleep(20);
  }
}

describe('telling the machine stalling from a slow page (UI bench)', () => {
  it('sees a stall of the whole process, as when the machine takes its CPU away', async () => {
    // A process held with SIGSTOP is what a stalled machine looks like from inside: every
    // thread stops, and the watcher's timer fires late once it runs again.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { watchStalls } from './bench/stalls.ts';
         const watcher = watchStalls();
         process.stdout.write('ready\\n');
         process.stdin.once('data', async () => {
           process.stdout.write(JSON.stringify(await watcher.stop()) + '\\n');
           process.exit(0);
         });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await until(() => output.includes('ready\n'));
    await sleep(100);
    const stoppedAt = Date.now();
    child.kill('SIGSTOP');
    await sleep(150);
    child.kill('SIGCONT');
    const resumedAt = Date.now();
    await sleep(100);
    child.stdin.write('stop\n');
    await until(() => output.trim().endsWith(']'));
    const stalls = JSON.parse(output.split('\n')[1]!) as Stall[];
    const held = stalls.filter((stall) => stall.to - stall.from >= 120);
    expect(held).toHaveLength(1);
    expect(held[0]!.from).toBeLessThanOrEqual(stoppedAt + 5);
    expect(held[0]!.to).toBeGreaterThanOrEqual(resumedAt - 5);
  });

  const stall: Stall = { from: 1_000, to: 1_070 };

  it('puts a long frame down to a stall only when the frame would be short without it', () => {
    // 90 ms frame, 70 of them stalled: 20 ms of its own.
    expect(explainedByStall(1_080, 90, [stall])).toBe(true);
    // 130 ms frame, 70 stalled: 60 ms of its own is still a long frame.
    expect(explainedByStall(1_100, 130, [stall])).toBe(false);
    // A frame before or after the stall.
    expect(explainedByStall(990, 60, [stall])).toBe(false);
    expect(explainedByStall(1_140, 60, [stall])).toBe(false);
    expect(explainedByStall(1_080, 90, [])).toBe(false);
    // A delay of 30 ms or less is the machine being busy, not stalled: it excuses nothing.
    expect(explainedByStall(1_060, 60, [{ from: 1_020, to: 1_050 }])).toBe(false);
  });

  it('gives the longest delay of the timer during a frame', () => {
    const delays: Stall[] = [stall, { from: 1_100, to: 1_115 }];
    expect(lateness(1_120, 45, delays)).toBe(15);
    expect(lateness(1_080, 90, delays)).toBe(70);
    expect(lateness(990, 20, delays)).toBe(0);
  });
});
