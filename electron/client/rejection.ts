/**
 * The cause of a rejection, read back from the downloaded `.rejected` file (SPEC 8). Core reads
 * it as the server wrote it, in every encoding (see causeInFile); where the end of the file is
 * not a cause in that layout, its last lines are kept as they are, the server's own words.
 */
import { parseUploadName } from '../../core/names';
import { causeInFile, linesAtEnd } from '../../core/rejected-file';
import type { RejectionCause } from '../../core/contract/api';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { nodeCheckOptions } from '../base/native-text';

export interface Rejection {
  /** The problems the server listed, or null when the end of the file is not a cause core reads. */
  cause: RejectionCause | null;
  /** Without a cause: the last lines of the file, as the server wrote them (see linesAtEnd). */
  causeText: string[] | null;
  /** Without a cause: why, in words. */
  error: string | null;
  errorSaid: Said | null;
}

export function readRejection(bytes: Uint8Array, readyName: string): Rejection {
  const forced = parseUploadName(readyName).forced;
  const cause = causeInFile(bytes, forced, nodeCheckOptions.latin1);
  if (cause !== null) {
    const { at, total, problems, more } = cause;
    const found = { at, total, problems, more };
    return { cause: found, causeText: null, error: null, errorSaid: null };
  }
  const lines = linesAtEnd(bytes, forced, nodeCheckOptions.latin1);
  if (lines.length === 0) {
    return {
      cause: null,
      causeText: null,
      error: 'The rejected file has no cause at its end.',
      errorSaid: said('follow.no-cause'),
    };
  }
  return {
    cause: null,
    causeText: lines,
    error:
      "The provider's cause is not in the layout Sendsheet reads: the end of the rejected file follows, as its server wrote it.",
    errorSaid: said('follow.cause-unread'),
  };
}
