/**
 * Where a test can stop a process in the middle of a send, to kill it there (kill -9) and prove
 * that the next run sends every message exactly once (resume.test.ts). The environment variable
 * SENDSHEET_FREEZE_AT names the step: the process says so on its standard error and stops itself
 * (SIGSTOP), frozen exactly there, until the test kills it. Nothing else ever sets it; unset,
 * each step costs one comparison.
 */
import { writeSync } from 'node:fs';

export const SEND_STEPS = ['before-upload', 'mid-upload', 'after-rename', 'following'] as const;
export type SendStep = (typeof SEND_STEPS)[number];

export const FREEZE_VARIABLE = 'SENDSHEET_FREEZE_AT';

export function frozenLine(step: SendStep): string {
  return `sendsheet: frozen at ${step}`;
}

export function reached(step: SendStep): void {
  if (process.env[FREEZE_VARIABLE] !== step) return;
  writeSync(2, `${frozenLine(step)}\n`);
  process.kill(process.pid, 'SIGSTOP');
}
