import { appendCause } from './cause';
import { inspectFile } from './check';
import type { CheckOptions, Decision, UploadedFile, Verdict } from './check';
import type { Problem } from './problems';

/** What the server does with a `.ready` file (SPEC 1, 8 and 9), decided without any I/O. */
export type Processed =
  | { outcome: 'success'; verdict: Verdict }
  | { outcome: 'rejected'; verdict: Decision; bytes: Uint8Array };

/**
 * The server's processing of one file: on success its messages are to be queued; on rejection
 * the file's new content is the upload byte for byte plus the cause, in the file's own encoding.
 */
export function processFile(file: UploadedFile, at: Date, options: CheckOptions = {}): Processed {
  // Most files a server sees are accepted, and then every message is queued.
  const inspection = inspectFile(file, { ...options, keepMessages: 'if-accepted' });
  const verdict = inspection.decision;
  if (verdict.status === 'success') {
    return { outcome: 'success', verdict: { ...verdict, messages: inspection.messages() } };
  }
  const text = inspection.text();
  const { encoding, problems, problemCount } = verdict;
  const bytes = appendCause(file.bytes, { encoding, text }, problems, at, problemCount);
  return { outcome: 'rejected', verdict, bytes };
}

/** After the last retry of a failure that was the server's own (SPEC 9). */
export function internalErrorFile(
  file: UploadedFile,
  attempts: number,
  reason: string,
  at: Date,
  options: CheckOptions = {},
): Uint8Array {
  const inspection = inspectFile(file, options);
  const encoding = inspection.decision.encoding;
  const problem = internalErrorProblem(attempts, reason);
  return appendCause(file.bytes, { encoding, text: inspection.text() }, [problem], at);
}

export function internalErrorProblem(attempts: number, reason: string): Problem {
  const oneLine = reason.replace(/[\r\n]+/g, ' ');
  return {
    row: null,
    column: null,
    code: 'internal-error',
    message: `The provider could not process the file after ${attempts} attempts (${oneLine}); nothing was sent. Upload it again.`,
    values: { attempts, cause: oneLine },
  };
}
