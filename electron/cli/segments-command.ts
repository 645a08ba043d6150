import { findLookalikes, replaceLookalikes } from '../../core/lookalikes';
import { countSegments } from '../../core/segments';
import { messageProblem } from '../../core/values';
import type { CommandIo } from './io';
import { EXIT_OK, EXIT_REJECTED, readCommandLine, UsageError } from './io';

export const SEGMENTS_USAGE = `Usage: sendsheet segments [TEXT] [--json]

Counts how an SMS text is encoded (GSM-7 or UCS-2) and how many parts it is sent in.
Without TEXT, reads standard input as UTF-8 exactly as given: a trailing newline counts, and
so does a leading U+FEFF (it is a character of the message, which makes it UCS-2).
Exit code: 0 counted, 1 an empty message (empty-message), 2 usage error.`;

export async function segmentsCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readCommandLine(args, { json: { type: 'boolean' } }, SEGMENTS_USAGE, io, true);
  if (parsed === null) return EXIT_OK;
  if (parsed.positionals.length > 1) {
    throw new UsageError(`segments takes one TEXT (quote it).\n\n${SEGMENTS_USAGE}`);
  }
  let text = parsed.positionals[0];
  if (text === undefined) {
    try {
      // ignoreBOM: the message is what was given; a leading EF BB BF is its U+FEFF.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
        await io.readStdin(),
      );
    } catch {
      throw new UsageError('standard input is not valid UTF-8.');
    }
  }
  const segments = countSegments(text);
  const problem = messageProblem(text, segments);
  if (problem?.code === 'empty-message') {
    // A message the provider would reject, not one of 0 parts.
    io.stderr(`sendsheet segments: ${problem.code}: ${problem.message}\n`);
    return EXIT_REJECTED;
  }
  const lookalikes = findLookalikes(text);
  if (parsed.values.json) {
    io.stdout(JSON.stringify({ ...segments, lookalikes }) + '\n');
    return EXIT_OK;
  }
  const unit = segments.encoding === 'GSM-7' ? 'GSM-7 characters' : 'UCS-2 units';
  io.stdout(
    `${segments.encoding}: ${segments.units} ${unit}, ${segments.parts} SMS part${segments.parts === 1 ? '' : 's'}\n`,
  );
  if (lookalikes.length > 0) {
    const fixed = countSegments(replaceLookalikes(text));
    io.stdout('Characters with a GSM-7 look-alike:\n');
    for (const l of lookalikes) {
      io.stdout(
        `  ${l.codePoint} ${l.name} (${JSON.stringify(l.char)}) x${l.count} -> ${JSON.stringify(l.replacement)}\n`,
      );
    }
    io.stdout(
      `Replaced: ${fixed.encoding}, ${fixed.units} units, ${fixed.parts} SMS part${fixed.parts === 1 ? '' : 's'}\n`,
    );
  }
  return EXIT_OK;
}
