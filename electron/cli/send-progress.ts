/** What `sendsheet send --follow` prints as a batch changes: one or more lines a change. */
import type { Batch } from '../../core/contract/api';
import { plural } from '../base/words';
import { problemLine } from './io';

const MIB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MIB
    ? `${(bytes / MIB).toFixed(1)} MiB`
    : `${bytes.toLocaleString('en-US')} bytes`;
}

/** What a state change says, one or more lines. */
export function describeChange(batch: Batch, before: Batch | null): string[] {
  const lines: string[] = [];
  if (batch.server !== null && batch.server !== before?.server) {
    lines.push(`  server ${batch.server}${batch.note ? `: ${batch.note}` : ''}`);
  } else if (batch.note !== null && batch.note !== before?.note) {
    // A server that did not answer, and when the next try is: nothing is silent while it waits.
    lines.push(`  ${batch.note}`);
  }
  if (batch.state === 'uploading' && batch.progress !== null) {
    const step = Math.floor(batch.progress.percent / 10);
    const previous = before?.progress ? Math.floor(before.progress.percent / 10) : -1;
    if (step !== previous && batch.progress.bytes > 0) {
      lines.push(
        `  uploading: ${batch.progress.percent}% (${size(batch.progress.bytes)} of ${size(batch.progress.total)})`,
      );
    }
  }
  if (batch.state === before?.state) return lines;
  switch (batch.state) {
    case 'ready':
      lines.push(`  ready: ${batch.uploadName} is on server ${batch.server}`);
      break;
    case 'processing':
      lines.push(`  processing (started ${batch.stamp})`);
      break;
    case 'success':
      lines.push(
        `  success: the provider queued ${plural(batch.rows, 'message')} (${plural(batch.parts, 'SMS part')})`,
      );
      break;
    case 'rejected': {
      const cause = batch.cause;
      lines.push(`  rejected${cause ? ` at ${cause.at}: ${cause.total} problem(s)` : ''}`);
      for (const problem of cause?.problems ?? []) lines.push(`    ${problemLine(problem)}`);
      if (cause && cause.more > 0) lines.push(`    ... and ${cause.more} more`);
      if (batch.error) lines.push(`    ${batch.error}`);
      // The server's own words, marked as such: not read, only shown.
      for (const line of batch.causeText ?? []) lines.push(`    | ${line}`);
      break;
    }
    case 'failed':
    case 'cancelled':
    case 'unknown':
    case 'timed-out':
    case 'vanished':
      lines.push(`  ${batch.state}: ${batch.error ?? ''}`);
      break;
  }
  return lines;
}
