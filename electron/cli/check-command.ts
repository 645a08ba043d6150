import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { inspectFile } from '../../core/check';
import type { Decision, Verdict } from '../../core/check';
import { MAX_FILE_BYTES } from '../../core/decode';
import { parseStageName } from '../../core/names';
import { nodeCheckOptions } from '../base/native-text';
import { describeReadError } from '../base/read-error';
import type { CommandIo } from './io';
import { EXIT_OK, EXIT_REJECTED, problemLine, readCommandLine, UsageError } from './io';
import { plural } from '../base/words';

/** The name standard input is checked under when --as gives none. */
export const STDIN_NAME = 'stdin.csv.ready';

export const CHECK_USAGE = `Usage: sendsheet check FILE [--as NAME] [--json]
       sendsheet check - [--as NAME] [--json]

Gives the provider's verdict on FILE as if it had been uploaded and renamed to NAME
(default: FILE's own name). ".ready" may be left off NAME. A file named as the server
names it later (NAME.STAMP.rejected, ...) is checked under its original NAME.ready.
FILE "-" reads the file from standard input; its name is then NAME, or ${STDIN_NAME}
(give --as list.csv.excel for a semicolon file).
Exit code: 0 accepted, 1 rejected, 2 usage or I/O error.`;

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

export async function checkCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readCommandLine(
    args,
    { as: { type: 'string' }, json: { type: 'boolean' } },
    CHECK_USAGE,
    io,
    true,
  );
  if (parsed === null) return EXIT_OK;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError(`check takes exactly one FILE.\n\n${CHECK_USAGE}`);
  }
  if (
    parsed.values.as !== undefined &&
    (parsed.values.as === '' || /[\\/]/.test(parsed.values.as))
  ) {
    throw new UsageError('--as takes a file name on the server, without a folder.');
  }
  const stdin = file === '-';
  let bytes: Uint8Array;
  if (stdin) {
    // Past the limit the verdict is known (too-large): the rest is left unread.
    bytes = await io.readStdin(MAX_FILE_BYTES);
  } else {
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${describeReadError(error)}.`);
    }
  }
  const name =
    stdin && parsed.values.as === undefined ? STDIN_NAME : serverName(file, parsed.values.as);
  const json = parsed.values.json === true;
  const cut = stdin && bytes.length > MAX_FILE_BYTES;
  const inspection = inspectFile({ name, bytes, cut }, { ...nodeCheckOptions, keepMessages: json });
  const { decision } = inspection;
  if (json) {
    // The values are for the app, to say a problem in the person's language; the command's
    // output is the documented shape, the provider's English words.
    const problems = decision.problems.map(({ values: _values, ...problem }) => problem);
    const verdict: Verdict = { ...decision, problems, messages: inspection.messages() };
    io.stdout(JSON.stringify(verdict) + '\n');
  } else {
    if (stdin && parsed.values.as === undefined)
      io.stdout(`Standard input, checked as ${name} (--as NAME gives it another name).\n`);
    io.stdout(formatVerdict(name, decision, inspection.ucs2Messages));
  }
  return decision.status === 'success' ? EXIT_OK : EXIT_REJECTED;
}
