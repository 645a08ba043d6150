/**
 * A test plays the provider on a server we did not write: on the disk of the folder the servers
 * share, it renames the batch's `.ready` file as the provider's server does (SPEC 1), and on
 * rejection appends the cause, in the layout of SPEC 8 or in another one, as a provider whose
 * page says no more than "added to the bottom of the file" might.
 */
import { appendFile, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { causeLines, causeText } from '../../core/cause';
import { finishedName, processingName } from '../../core/names';
import type { Problem } from '../../core/problems';

/**
 * Waits until a file of `root` matches `wanted`, and gives its name. The 20 s only tell a file
 * that never comes from the test's own time-out; a busy machine is slow, never that slow.
 */
export async function waitForFile(
  root: string,
  wanted: (name: string) => boolean,
): Promise<string> {
  const end = Date.now() + 20_000;
  for (;;) {
    const found = (await readdir(root)).find(wanted);
    if (found !== undefined) return found;
    if (Date.now() > end) {
      throw new Error(`no such file in ${root}: ${(await readdir(root)).join(', ') || 'none'}`);
    }
    await sleep(20);
  }
}

/** NAME.ready -> NAME.STAMP.processing, once the client has renamed the file to its `.ready` name. */
export async function startProcessing(root: string, readyName: string): Promise<string> {
  await waitForFile(root, (name) => name === readyName);
  const processing = processingName(readyName, new Date());
  await rename(join(root, readyName), join(root, processing));
  return processing;
}

export async function succeed(root: string, processing: string): Promise<string> {
  const success = finishedName(processing, 'success');
  await rename(join(root, processing), join(root, success));
  return success;
}

/** How the cause is appended: as SPEC 8 says, without its empty line, or in words of its own. */
export type CauseLayout = 'spec' | 'no-empty-line' | 'unknown';

/** The last lines of a rejected file in the `unknown` layout. */
export const UNKNOWN_CAUSE = ['REJECTED: 1 error', 'Line 2: msisdn "12" is not a valid number'];

export const PROBLEMS: Problem[] = [
  {
    row: 2,
    column: 'msisdn',
    code: 'bad-msisdn',
    message: 'The number must have 8 to 15 digits.',
  },
];

/** Appends the cause to a UTF-8 file ending in LF, then renames it `.STAMP.rejected`. */
export async function reject(
  root: string,
  processing: string,
  layout: CauseLayout,
  problems: Problem[] = PROBLEMS,
): Promise<string> {
  const path = join(root, processing);
  const at = new Date();
  const text =
    layout === 'spec'
      ? causeText('\n', problems, at)
      : layout === 'no-empty-line'
        ? `${causeLines(problems, at).join('\n')}\n`
        : `\n${UNKNOWN_CAUSE.join('\n')}\n`;
  await appendFile(path, text);
  const rejected = finishedName(processing, 'rejected');
  await rename(path, join(root, rejected));
  return rejected;
}
