import { version } from '../../package.json';
import type { CommandIo } from './io';
import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { errorText } from '../../core/contract/errors';
import { EXIT_OUTPUT_CLOSED, OutputClosedError } from './standard-output';

const USAGE = `Usage: sendsheet <command> [options]

Commands:
  check FILE... [--as NAME] [--json]
                                    the provider's verdict on each file, as its server gives it
  segments [TEXT] [--json]          the encoding and SMS parts of a message
  serve [--dir D] [--ports A,B]     the emulated provider: two FTP servers on 127.0.0.1
        [--config F]
  send FILE [--profile P]           check FILE, upload it to the provider with failover,
       [--follow]                   and with --follow print its states to the end
  app [--port 5173] [--no-servers]  the app without a window: the emulated servers and the
      [--json] [--test-controls]    service over HTTP, with the UI at the URL it prints
  provider CONTROL --url U          a test's controls of the emulated provider of a running
                                    "app --test-controls": servers down and up, held files,
                                    failures, delay, outbox, reset

Run "sendsheet <command> --help" for a command's options, "sendsheet --version" for the version.`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

// Each command's module is loaded when it runs: a quick command does not wait for the FTP
// client and servers, the HTTP server and zod to load.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check-command')).checkCommand,
  segments: async () => (await import('./segments-command')).segmentsCommand,
  serve: async () => {
    const { serveCommand } = await import('./serve-command');
    return (args, io) => serveCommand(args, io);
  },
  send: async () => {
    const { sendCommand } = await import('./send-command');
    return (args, io) => sendCommand(args, io);
  },
  provider: async () => (await import('./provider-command')).providerCommand,
  app: async () => {
    const { appCommand } = await import('./app-command');
    return (args, io) => appCommand(args, io);
  },
};

/** Runs one command line; never throws: every failure becomes a message and an exit code. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE + '\n');
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`sendsheet ${version}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`sendsheet: unknown command "${name}".\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    // Nobody reads what is left to say (`| head`): the command ends quietly.
    if (error instanceof OutputClosedError) return EXIT_OUTPUT_CLOSED;
    if (error instanceof UsageError) {
      io.stderr(`sendsheet ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug, not the user's mistake: still no stack trace in their face, but enough to report it.
    io.stderr(`sendsheet ${name}: internal error: ${errorText(error)}\n`);
    return EXIT_USAGE;
  }
}
