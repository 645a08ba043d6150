import { basename, resolve } from 'node:path';
import { inspectFile, inspectWindowed } from '../../core/check';
import { windowedFile } from '../../core/decode-window';
import type { WindowedFile } from '../../core/decode-window';
import type { Decision, UploadedFile } from '../../core/check';
import { MAX_FILE_BYTES } from '../../core/decode';
import { parseStageName } from '../../core/names';
import { TapeBlocks } from '../../core/message-tape';
import { writeVerdictJson } from '../../core/verdict-json';
import { nodeCheckOptions } from '../base/native-text';
import { FileChangedError, FileReader } from '../base/file-reader';
import { ReadBuffer, readRegularFileBounded } from '../base/regular-file';
import type { BytesWriter, CommandIo } from './io';
import {
  bytesWriter,
  EXIT_OK,
  EXIT_REJECTED,
  EXIT_USAGE,
  problemLine,
  readCommandLine,
  UsageError,
} from './io';
import { plural } from '../base/words';

/** The name standard input is checked under when --as gives none. */
export const STDIN_NAME = 'stdin.csv.ready';

export const CHECK_USAGE = `Usage: sendsheet check FILE... [--json]
       sendsheet check FILE [--as NAME] [--json]
       sendsheet check - [--as NAME] [--json]

Gives the provider's verdict on each FILE as if it had been uploaded and renamed to NAME
(default: FILE's own name). ".ready" may be left off NAME. A file named as the server
names it later (NAME.STAMP.rejected, ...) is checked under its original NAME.ready.
FILE "-" reads the file from standard input; its name is then NAME, or ${STDIN_NAME}
(give --as list.csv.excel for a semicolon file).
--json prints one line of JSON for each FILE: {"file", "name", "status", ...} with every
message, or {"file", "error"} for a file that cannot be read.
Exit code: 0 every file accepted, 1 a file rejected, 2 usage error or a file not read.`;

/** The name the server would process FILE under. */
export function serverName(file: string, as: string | undefined): string {
  const name = as ?? basename(file);
  const stage = as === undefined ? parseStageName(name) : null;
  if (stage && stage.stage !== 'ready') return `${stage.base}.ready`;
  return name.endsWith('.ready') ? name : `${name}.ready`;
}

export const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
};

/** Every code with its count, most first: `field-count 15,728,590, stray-quote 2`. */
function countsText(verdict: Decision): string {
  return Object.entries(verdict.problemCounts)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => `${code} ${count.toLocaleString('en-US')}`)
    .join(', ');
}

/** `ucs2Messages`: how many messages need UCS-2, where known. */
export function formatVerdict(name: string, verdict: Decision, ucs2Messages = 0): string {
  const lines: string[] = [];
  const accepted = verdict.status === 'success';
  lines.push(`${name}: ${accepted ? 'ACCEPTED' : 'REJECTED'}`);
  const encoding = verdict.encoding
    ? `${ENCODING_NAMES[verdict.encoding]} (${verdict.encodingSource})`
    : 'not read';
  lines.push(`  Encoding:  ${encoding}`);
  lines.push(
    `  Format:    ${verdict.format === 'excel' ? 'Excel (semicolon-separated)' : 'standard (comma-separated)'}`,
  );
  const skipped = verdict.skipped > 0 ? `, ${plural(verdict.skipped, 'blank row')} skipped` : '';
  lines.push(`  Rows:      ${plural(verdict.rows, 'message')}${skipped}`);
  const ucs2 = ucs2Messages;
  lines.push(
    `  SMS parts: ${verdict.parts.toLocaleString('en-US')}${ucs2 > 0 ? ` (${plural(ucs2, 'message')} in UCS-2)` : ''}`,
  );
  if (verdict.problemCount > 0) {
    lines.push(`  Problems (${verdict.problemCount.toLocaleString('en-US')}):`);
    for (const p of verdict.problems) lines.push(`    ${problemLine(p)}`);
    const more = verdict.problemCount - verdict.problems.length;
    // Only the first problems are kept; the rest are counted by code.
    if (more > 0) {
      lines.push(
        `    ... and ${more.toLocaleString('en-US')} more; in all: ${countsText(verdict)}`,
      );
    }
  } else {
    lines.push(
      // An accepted file has a message for every row.
      `  The server would queue ${plural(verdict.rows, 'message')} (${plural(verdict.parts, 'SMS part')}).`,
    );
  }
  return lines.join('\n') + '\n';
}

/** What checking one FILE came to. */
type Outcome = 'accepted' | 'rejected' | 'unread';

interface CheckRun {
  io: CommandIo;
  json: boolean;
  /** --as, given only with one FILE. */
  as: string | undefined;
  /** More than one FILE: each verdict says which file it is for. */
  many: boolean;
  write: BytesWriter;
  /** Verdicts printed as text so far, each after a blank line but the first. */
  blocks: number;
  /**
   * Every file of this call is read into the same memory, and its messages noted in the same
   * blocks: each is done with (its verdict written) before the next is read, and 30 MiB read
   * into memory the process had never touched paid 100-150 ms of page faults each time. Kept
   * for one call only, so that calls in one process never share a file's bytes.
   */
  readBuffer: ReadBuffer;
  tapeBlocks: TapeBlocks;
}

/** From this size on, a Windows-1252 or ASCII file is checked a window at a time (FileReader). */
export const WINDOWED_FROM_BYTES = 4 * 1024 * 1024;

/** A file's verdict as text, after a blank line but for the first. */
function printVerdict(
  run: CheckRun,
  file: string,
  name: string,
  decision: Decision,
  ucs2Messages: number,
): void {
  const { io, as, many } = run;
  if (run.blocks++ > 0) io.stdout('\n');
  if (file === '-' && as === undefined)
    io.stdout(`Standard input, checked as ${name} (--as NAME gives it another name).\n`);
  const title = many ? `${file}, checked as ${name}` : name;
  io.stdout(formatVerdict(title, decision, ucs2Messages));
}

/**
 * FILE's verdict as a line of JSON, straight from the rows into the output: the same bytes as
 * JSON.stringify of the verdict. Null where `proceed` says not to (see writeVerdictJson).
 */
function writeJson(
  run: CheckRun,
  file: string,
  name: string,
  source: UploadedFile | WindowedFile,
  proceed?: () => boolean,
): Decision | null {
  const { write, tapeBlocks } = run;
  const lead = { file, name };
  const options = nodeCheckOptions;
  // A BytesWriter has written or copied the bytes when it returns: one chunk is filled again.
  const consumes = true;
  return writeVerdictJson(source, options, write, lead, undefined, consumes, tapeBlocks, proceed);
}

const outcomeOf = (decision: Decision): Outcome =>
  decision.status === 'success' ? 'accepted' : 'rejected';

/** Says that FILE could not be read, in a verdict's place. */
function unread(run: CheckRun, file: string, reason: string): Outcome {
  const why = `cannot read ${file}: ${reason}.`;
  run.io.stderr(`sendsheet check: ${why}\n`);
  if (run.json) run.io.stdout(`${JSON.stringify({ file, error: why })}\n`);
  return 'unread';
}

/**
 * Checks a large file a window at a time, when it is one whose text is its bytes; null when it
 * is to be read whole instead: any other file, or one written to before its verdict is begun.
 * A file written to while its verdict is written out is a file not read.
 */
async function checkWindowed(file: string, name: string, run: CheckRun): Promise<Outcome | null> {
  const reader = await FileReader.open(resolve(run.io.cwd, file), WINDOWED_FROM_BYTES);
  if (reader === null) return null;
  let begun = false;
  try {
    const windowed = windowedFile(name, reader, nodeCheckOptions);
    if (windowed === null) return null;
    if (!run.json) {
      // Nothing is printed before the file is known not to have changed.
      const inspection = inspectWindowed(windowed, nodeCheckOptions);
      if (inspection === null || reader.changed()) return null;
      printVerdict(run, file, name, inspection.decision, inspection.ucs2Messages);
      return outcomeOf(inspection.decision);
    }
    const decision = writeJson(run, file, name, windowed, () => (begun = !reader.changed()));
    if (decision === null) return null;
    if (!reader.changed()) return outcomeOf(decision);
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
    if (!begun) return null;
    // The line cut short where the file was: ended, for the error's line after it.
    run.write(new TextEncoder().encode('\n'));
  } finally {
    reader.close();
  }
  return unread(run, file, 'it was written to while it was checked; check it again');
}

async function checkOne(file: string, run: CheckRun): Promise<Outcome> {
  const { io, json, as } = run;
  const stdin = file === '-';
  const name = stdin && as === undefined ? STDIN_NAME : serverName(file, as);
  if (!stdin) {
    const windowed = await checkWindowed(file, name, run);
    if (windowed !== null) return windowed;
  }
  let bytes: Uint8Array;
  if (stdin) {
    // Past the limit the verdict is known (too-large): the rest is left unread.
    bytes = await io.readStdin(MAX_FILE_BYTES);
  } else {
    // A regular file only (never /dev/zero or a pipe, which "-" reads), and past the limit,
    // as for standard input, the rest is left unread.
    const read = await readRegularFileBounded(
      resolve(io.cwd, file),
      MAX_FILE_BYTES,
      run.readBuffer,
    );
    if (!read.ok) return unread(run, file, read.reason);
    bytes = read.bytes;
  }
  const cut = bytes.length > MAX_FILE_BYTES;
  let decision: Decision;
  if (json) {
    decision = writeJson(run, file, name, { name, bytes, cut })!;
  } else {
    const inspection = inspectFile({ name, bytes, cut }, nodeCheckOptions);
    decision = inspection.decision;
    printVerdict(run, file, name, decision, inspection.ucs2Messages);
  }
  return outcomeOf(decision);
}

export async function checkCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readCommandLine(
    args,
    { as: { type: 'string' }, json: { type: 'boolean' } },
    CHECK_USAGE,
    io,
    true,
  );
  if (parsed === null) return EXIT_OK;
  const files = parsed.positionals;
  const as = parsed.values.as;
  if (files.length === 0) throw new UsageError(`check takes a FILE.\n\n${CHECK_USAGE}`);
  if (as !== undefined && files.length > 1) {
    throw new UsageError('--as names one file: give it with one FILE.');
  }
  if (as !== undefined && (as === '' || /[\\/]/.test(as))) {
    throw new UsageError('--as takes a file name on the server, without a folder.');
  }
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError('standard input ("-") can be checked once.');
  }
  const json = parsed.values.json === true;
  const many = files.length > 1;
  const write = bytesWriter(io);
  const run: CheckRun = {
    io,
    json,
    as,
    many,
    write,
    blocks: 0,
    readBuffer: new ReadBuffer(),
    tapeBlocks: new TapeBlocks(),
  };
  const counts: Record<Outcome, number> = { accepted: 0, rejected: 0, unread: 0 };
  for (const file of files) counts[await checkOne(file, run)]++;
  write.end();
  if (many && !json) {
    const unread = counts.unread > 0 ? `, ${counts.unread.toLocaleString('en-US')} not read` : '';
    io.stdout(
      `\n${plural(files.length, 'file')}: ${counts.accepted.toLocaleString('en-US')} accepted, ${counts.rejected.toLocaleString('en-US')} rejected${unread}.\n`,
    );
  }
  // A file not read is an I/O error: its verdict is unknown, so "all accepted" cannot be said.
  if (counts.unread > 0) return EXIT_USAGE;
  return counts.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
}
