/**
 * The cause of a rejection, read back from the downloaded `.rejected` file (SPEC 8). Core reads
 * it as the server wrote it, in every encoding (see causeInFile).
 */
import { parseUploadName } from '../../core/names';
import { causeInFile } from '../../core/rejected-file';
import type { RejectionCause } from '../../core/contract/api';
import { nodeCheckOptions } from '../base/native-text';

/** The cause at the end of a rejected file, or null when it has none that core can read. */
export function readCause(bytes: Uint8Array, readyName: string): RejectionCause | null {
  const forced = parseUploadName(readyName).forced;
  const cause = causeInFile(bytes, forced, nodeCheckOptions.latin1);
  if (cause === null) return null;
  return { at: cause.at, total: cause.total, problems: cause.problems, more: cause.more };
}
