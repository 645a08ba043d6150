import { appendCause, unreadCause } from './cause';
import { inspectFile, inspectSteps, rejectedDecision, tooLargeProblem } from './check';
import type { CheckOptions, Decision, Inspection, UploadedFile, Verdict } from './check';
import { decodeDeferred, MAX_FILE_BYTES } from './decode';
import { conflictProblem, parseUploadName } from './names';
import type { Problem } from './problems';
import type { Message } from './values';
import { resolveC1 } from './windows1252';

/** What the server does with a `.ready` file (SPEC 1, 8 and 9), decided without any I/O. */
export type Processed =
  | { outcome: 'success'; verdict: Verdict }
  | { outcome: 'rejected'; verdict: Decision; bytes: Uint8Array };

/** Processed, with an accepted file's messages built as they are asked for, a piece at a time. */
export type ProcessedInChunks =
  | { outcome: 'success'; verdict: Decision; messageChunks: () => Iterable<Message[]> }
  | { outcome: 'rejected'; verdict: Decision; bytes: Uint8Array };

function rejectedFile(file: UploadedFile, inspection: Inspection, at: Date): Uint8Array {
  const { encoding, problems, problemCount } = inspection.decision;
  return appendCause(file.bytes, { encoding, text: inspection.text() }, problems, at, problemCount);
}

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
  return { outcome: 'rejected', verdict, bytes: rejectedFile(file, inspection, at) };
}

/**
 * processFile for a server that writes the queue as it goes: the file is checked first, then
 * an accepted one's messages are built again a piece of the text at a time, so that memory
 * holds one piece's messages and never the millions a 30 MiB file can hold.
 */
export function processInChunks(
  file: UploadedFile,
  at: Date,
  options: CheckOptions = {},
): ProcessedInChunks {
  return decidedInChunks(file, at, inspectFile(file, { ...options, keepMessages: false }));
}

/**
 * processInChunks as steps, yielding between pieces of the check (inspectSteps): the server
 * processes a file on the thread that answers its clients.
 */
export function* processSteps(
  file: UploadedFile,
  at: Date,
  options: CheckOptions = {},
  step?: number,
): Generator<void, ProcessedInChunks, void> {
  const inspection = yield* inspectSteps(file, { ...options, keepMessages: false }, step);
  return decidedInChunks(file, at, inspection);
}

function decidedInChunks(file: UploadedFile, at: Date, inspection: Inspection): ProcessedInChunks {
  const verdict = inspection.decision;
  if (verdict.status === 'success') {
    return { outcome: 'success', verdict, messageChunks: () => inspection.messageChunks() };
  }
  return { outcome: 'rejected', verdict, bytes: rejectedFile(file, inspection, at) };
}

/**
 * SPEC 2: a file over 30 MiB is rejected unread. Its verdict, from its name and size, and the
 * cause to append to it, from its first bytes and whether it ends with LF: all the server
 * reads of a file that may be gigabytes.
 */
export function processUnread(
  file: { name: string; size: number; head: Uint8Array; endsWithLf: boolean },
  at: Date,
): { verdict: Decision; cause: Uint8Array } {
  const name = parseUploadName(file.name);
  const problem = conflictProblem(name) ?? tooLargeProblem(file.size);
  const verdict = rejectedDecision(name.excel ? 'excel' : 'standard', problem);
  return { verdict, cause: unreadCause(file.head, file.endsWithLf, [problem], at) };
}

/** SPEC 9: the problem of a file the server could not process after its last attempt. */
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

/**
 * After the last retry of a failure that was the server's own (SPEC 9). The file is only
 * decoded, for the cause's encoding and line ending, and its rows never read: they may be what
 * failed each time.
 */
export function internalErrorFile(
  file: UploadedFile,
  attempts: number,
  reason: string,
  at: Date,
  options: CheckOptions = {},
): Uint8Array {
  const name = parseUploadName(file.name);
  let encoding: Decision['encoding'] = null;
  let text: string | null = null;
  if (!name.conflicting && file.bytes.length <= MAX_FILE_BYTES) {
    const decoded = decodeDeferred(file.bytes, name.forced, options.latin1);
    encoding = decoded.encoding;
    if (decoded.ok) text = decoded.pendingC1 ? resolveC1(decoded.text) : decoded.text;
  }
  const problem = internalErrorProblem(attempts, reason);
  return appendCause(file.bytes, { encoding, text }, [problem], at);
}
