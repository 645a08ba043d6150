// The `sendsheet` command, run by bin/sendsheet.js (`npx sendsheet <command>` in the repository)
// and by the packages' wrappers, both from its bundle in dist/cli/.
import { fstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAll, typedFrom } from './io';
import type { CommandIo } from './io';
import { run } from './run';

/**
 * Standard output is a file: Node writes to one synchronously (its SyncWriteStream calls
 * writeSync), so bytes handed to it are written when write returns, and `check --json` passes
 * its output through one buffer instead of 60 MiB of fresh ones. A pipe may hold them.
 */
function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

const io: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  // Linux writes to a pipe or a file as it is asked (synchronously): a large output is not held.
  stdoutBytes: (bytes) => void process.stdout.write(bytes),
  stdoutBytesSync: stdoutIsFile(),
  stderr: (text) => void process.stderr.write(text),
  readStdin: (limit) => readAll(process.stdin, limit),
  cwd: typedFrom(process.env, process.cwd(), resolve(import.meta.dirname, '..', '..')),
};

process.exitCode = await run(process.argv.slice(2), io);
