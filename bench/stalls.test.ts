import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { explainedByStall, lateness } from './stalls';
import type { Stall } from './stalls';

/** Whether every thread of a process is stopped by a signal (state T in /proc, Linux). */
async function allStopped(pid: number): Promise<boolean> {
  const threads = await readdir(`/proc/${pid}/task`);
  const stats = await Promise.all(
    threads.map((thread) => readFile(`/proc/${pid}/task/${thread}/stat`, 'utf8')),
  );
  // The state follows the command name, which is in parentheses and may hold anything.
  return stats.every((stat) => stat[stat.lastIndexOf(')') + 2] === 'T');
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
         const watcher = await watchStalls();
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
    /** Waits for the child to say something; a child that ended says nothing more. */
    const until = async (said: () => boolean | Promise<boolean>) => {
      while (!(await said())) {
        if (child.exitCode !== null) throw new Error(`the watcher process ended: ${output}`);
        await sleep(5);
      }
    };
    await until(() => output.includes('ready\n'));
    // A process stops only once one of its threads runs to take the signal, which on a busy
    // machine can be tens of milliseconds later: the hold starts when every thread is stopped.
    child.kill('SIGSTOP');
    await until(() => allStopped(child.pid!));
    const stopped = Date.now();
    await sleep(150);
    const resumed = Date.now();
    child.kill('SIGCONT');
    child.stdin.write('stop\n');
    await until(() => output.trim().endsWith(']'));
    const stalls = JSON.parse(output.split('\n')[1]!) as Stall[];
    const held = stalls.filter((stall) => stall.from <= stopped && stall.to >= resumed);
    expect(held).toHaveLength(1);
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
