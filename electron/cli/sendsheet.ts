// The `sendsheet` command: `npm run -s sendsheet -- <command>`.
import { readAll } from './io';
import type { CommandIo } from './io';
import { run } from './run';

const io: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
};

process.exitCode = await run(process.argv.slice(2), io);
