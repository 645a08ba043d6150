// The `sendsheet` command, run by bin/sendsheet.js (`npx sendsheet <command>` in the repository)
// and by the packages' wrappers, both from its bundle in dist/cli/.
import { resolve } from 'node:path';
import { readAll, typedFrom } from './io';
import type { CommandIo } from './io';
import { run } from './run';
import { endWhereClosed, StandardOutput } from './standard-output';

const stdout = new StandardOutput(1, () => process.stdout.on('error', endWhereClosed));

const io: CommandIo = {
  stdout: (text) => stdout.text(text),
  stdoutBytes: (bytes) => stdout.bytes(bytes),
  stderr: (text) => void process.stderr.write(text),
  readStdin: (limit) => readAll(process.stdin, limit),
  cwd: typedFrom(process.env, process.cwd(), resolve(import.meta.dirname, '..', '..')),
};

process.exitCode = await run(process.argv.slice(2), io);
