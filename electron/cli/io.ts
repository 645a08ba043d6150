import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Problem } from '../../core/problems';
import { errorText } from '../../core/contract/errors';

/** Where a command reads and writes, so commands run the same from the shell and from tests. */
export interface CommandIo {
  stdout: (text: string) => void;
  /**
   * UTF-8 as it is, for large output (`check --json`); without it, decoded and given to stdout.
   * It has written (or copied) the bytes when it returns, and in order with stdout's text: a
   * large output passes through one buffer written over again and again.
   */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** All of standard input; with a limit, no more than `limit + 1` bytes (the rest unread). */
  readStdin: (limit?: number) => Promise<Uint8Array>;
  /** Relative paths are read from here. */
  cwd: string;
}

/** A mistake in how the command was called or a file it could not read: exit code 2, no trace. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** Each call has consumed the bytes when it returns: they may be written over then. */
export interface BytesWriter {
  (bytes: Uint8Array): void;
  /** After the last bytes. */
  end(): void;
}

/** Writes UTF-8 to the command's stdout in pieces, which may split a character. */
export function bytesWriter(io: CommandIo): BytesWriter {
  const raw = io.stdoutBytes;
  if (raw !== undefined) {
    return Object.assign((bytes: Uint8Array) => raw(bytes), { end() {} });
  }
  const decoder = new TextDecoder();
  // Decoded into a string before stdout is given it.
  return Object.assign((bytes: Uint8Array) => io.stdout(decoder.decode(bytes, { stream: true })), {
    end: () => {
      const rest = decoder.decode();
      if (rest !== '') io.stdout(rest);
    },
  });
}

/** Reads a stream to its end, or until it has given more than `limit` bytes. */
export async function readAll(
  stream: AsyncIterable<Uint8Array | string>,
  limit = Infinity,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    // Leaving the loop ends the stream: what is left of an endless input is never read.
    if (length > limit) break;
  }
  const all = Buffer.concat(chunks);
  return length > limit ? all.subarray(0, limit + 1) : all;
}

/**
 * The folder the command was typed in, which relative paths are read from. npm runs a script
 * from the package's folder and says where it was typed in INIT_CWD; that holds only for the
 * script of this package that runs the command (npx runs it where it was typed), and INIT_CWD
 * is left in the environment of every process a script starts, so elsewhere it is stale.
 */
export function typedFrom(env: NodeJS.ProcessEnv, cwd: string, root: string): string {
  const byOurScript =
    env.INIT_CWD !== undefined &&
    env.npm_lifecycle_event !== undefined &&
    env.npm_package_json === join(root, 'package.json') &&
    cwd === root;
  return byOurScript ? env.INIT_CWD! : cwd;
}

/** Ctrl-C or a TERM signal asks a long-running command to stop; a second one ends the process. */
export function stopSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}

/** A problem on one line, as the cause block writes it: `row R, column C: CODE: sentence`. */
export function problemLine(problem: Problem): string {
  const where = [
    problem.row !== null ? `row ${problem.row}` : '',
    problem.column === null
      ? ''
      : problem.column === ''
        ? 'a column with no name'
        : `column ${problem.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${problem.code}: ${problem.message}`;
}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean' } } as const;

/**
 * Reads a command's options as every command does: strict, a mistake is a UsageError that
 * shows the usage, and --help prints the usage (null is returned: the command is done).
 */
export function readCommandLine<const O extends Options>(
  args: string[],
  options: O,
  usage: string,
  io: CommandIo,
  allowPositionals = false,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, ...HELP },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${errorText(error)}\n\n${usage}`);
  }
  // The options are generic here, so their values' type does not show the help flag.
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(`${usage}\n`);
    return null;
  }
  return parsed;
}
