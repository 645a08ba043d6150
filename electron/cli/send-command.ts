import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../../core/decode';
import { nameFromContent } from '../../core/writer';
import { emulatedProfile, runningElsewhere } from '../backend/practice';
import { serverNameOf } from '../client/batch-names';
import { providerProfile } from '../client/profile';
import type { FtpServer, Profile } from '../client/profile';
import { normalizeFingerprint } from '../client/tls-pin';
import { FINAL_STATES } from '../../core/contract/api';
import type { Batch, BatchState } from '../../core/contract/api';
import { defaultDataDir } from '../base/data-dir';
import { SendsheetService } from '../service/service';
import type { Timings } from '../service/service';
import { DEMO_ACCOUNT } from '../server/accounts';
import { DEFAULT_PORTS } from '../server/provider';
import { ENCODING_NAMES, formatVerdict } from './check-command';
import type { CommandIo } from './io';
import { EXIT_OK, EXIT_REJECTED, readCommandLine, UsageError } from './io';
import { plural } from '../base/words';
import { describeChange } from './send-progress';

/** Neither server could be reached, or they refused the login: nothing was sent. */
export const EXIT_NOT_SENT = 3;
/** Sent, but its end is not known: followed until the time given, or its file was removed. */
export const EXIT_UNFINISHED = 4;
/** Not sent: its messages were sent before, are being sent, or their outcome is unknown. */
export const EXIT_SENT_BEFORE = 5;

export const SEND_USAGE = `Usage: sendsheet send FILE [--as NAME] [--profile P | --server HOST:PORT --server HOST:PORT]
                     [--user U] [--password-env VAR | --password-file F] [--plain | --fingerprint SHA256]
                     [--follow] [--follow-for S] [--interval S] [--give-up S] [--connect-timeout S]
                     [--again] [--data DIR]

Checks FILE as the provider will (a file it would reject is not sent), uploads it to the first
of the two servers that answers, checks its size there and renames it to its .ready name; the
batch's name gets a unique id, so it never overwrites another. With --follow, prints each state
(ready, processing, success or rejected with its cause) until the end.

Never twice by accident: when the history holds any of FILE's messages (the same number, text,
sender, class and reference, whatever the file) as sent, being sent or of unknown outcome, it
names that batch and sends nothing (exit 5); --again sends anyway. Run again after a run that was
interrupted (killed, power lost, network gone), it asks the servers what became of that batch
first: it follows it when it reached them, and finishes the upload when it did not.

  --as NAME          the name the server reads FILE under (default FILE's name; ".ready" optional;
                     a name without modifiers gets them from FILE's content, as an export is
                     named: ".excel" when its header is separated by semicolons, and the
                     encoding detected, forced: ".utf8" or ".cp1252")
  --profile P        emulated (default: the emulated provider of "sendsheet serve" on 127.0.0.1,
                     ports ${DEFAULT_PORTS.join(' and ')}, plain FTP, user demo) or gatewayapi
                     (a.ftp.gatewayapi.com and b.ftp.gatewayapi.com, explicit FTPS; needs --user
                     and a password)
  --server H:P       a server, twice for both; explicit FTPS unless --plain
  --user U           the account's user name
  --password-env VAR the environment variable holding the password (default SENDSHEET_PASSWORD)
  --password-file F  a file whose first line is the password
  --plain            plain FTP for --server (the password crosses the network unencrypted)
  --fingerprint FP   trust the --server certificate with this SHA-256 fingerprint
  --follow           print each state until the batch is .success or .rejected
  --follow-for S     stop following after S seconds (default 10800)
  --interval S       seconds between two listings when following (default 2)
  --give-up S        stop trying after S seconds while neither server answers (default 300)
  --connect-timeout S  seconds a server has to answer a connection (default 4)
  --again            send even when the messages were sent before (see above)
  --data DIR         the app's data folder, where the history is kept (default ${defaultDataDir('app')})

Exit code: 0 sent (with --follow: accepted), 1 rejected, 2 usage or I/O error, 3 not sent
(neither server could be reached, or the login was refused), 4 sent but not finished while
followed, or not known whether it reached the servers, 5 not sent: the messages were sent
before, are being sent, or their outcome is unknown (--again sends anyway).`;

function seconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
    throw new UsageError(
      `${flag} takes a number of seconds greater than 0, not ${JSON.stringify(text)}.`,
    );
  }
  return Math.round(value * 1000);
}

function parseServer(text: string, index: number): Omit<FtpServer, 'security' | 'fingerprint'> {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || !(port >= 1 && port <= 65535)) {
    throw new UsageError(
      `--server takes HOST:PORT, like a.ftp.example.com:21; not ${JSON.stringify(text)}.`,
    );
  }
  return { name: String.fromCharCode(65 + index), host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

type Values = Record<string, string | boolean | string[] | undefined>;

async function readPassword(
  values: Values,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<string | null> {
  const file = values['password-file'] as string | undefined;
  if (file !== undefined) {
    try {
      const text = await readFile(resolve(cwd, file), 'utf8');
      const line = text.split(/\r?\n/)[0] ?? '';
      if (line === '')
        throw new UsageError(`the password file ${values['password-file']} is empty.`);
      return line;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read the password file ${file}.`);
    }
  }
  const variable = (values['password-env'] as string | undefined) ?? 'SENDSHEET_PASSWORD';
  const value = env[variable];
  if (values['password-env'] !== undefined && (value === undefined || value === '')) {
    throw new UsageError(`the environment variable ${variable} holds no password.`);
  }
  return value === undefined || value === '' ? null : value;
}

async function profileFrom(values: Values, env: NodeJS.ProcessEnv, cwd: string): Promise<Profile> {
  const servers = (values.server as string[] | undefined) ?? [];
  const profileName = values.profile as string | undefined;
  if (profileName !== undefined && servers.length > 0) {
    throw new UsageError('give either --profile or --server, not both.');
  }
  if (servers.length > 2)
    throw new UsageError('--server can be given at most twice (servers A and B).');
  if (values.plain && values.fingerprint !== undefined) {
    throw new UsageError(
      '--plain and --fingerprint do not go together: a fingerprint is for FTPS.',
    );
  }
  const password = await readPassword(values, env, cwd);
  const user = values.user as string | undefined;
  if (servers.length > 0) {
    if (user === undefined) throw new UsageError('--server needs --user.');
    if (password === null)
      throw new UsageError('--server needs a password: --password-env VAR or --password-file F.');
    let fingerprint: string | null = null;
    if (values.fingerprint !== undefined) {
      fingerprint = normalizeFingerprint(values.fingerprint as string);
      if (fingerprint === null)
        throw new UsageError('--fingerprint takes a SHA-256 fingerprint (64 hex digits).');
    }
    return {
      id: 'command-line',
      name: 'servers given on the command line',
      servers: servers.map((text, index) => ({
        ...parseServer(text, index),
        security: values.plain ? 'ftp' : 'ftps',
        fingerprint,
      })),
      user,
      password,
      ...(values.plain ? { needsTlsAdvice: 'leave out --plain' } : {}),
    };
  }
  if (values.plain || values.fingerprint !== undefined) {
    throw new UsageError('--plain and --fingerprint are for --server.');
  }
  switch (profileName ?? 'emulated') {
    case 'emulated':
      return emulatedProfile(
        runningElsewhere(),
        // SENDSHEET_PASSWORD is the real account's: the demo account takes only a given one.
        {
          user: user ?? DEMO_ACCOUNT.user,
          password:
            values['password-env'] !== undefined || values['password-file'] !== undefined
              ? password!
              : DEMO_ACCOUNT.password,
        },
      );
    case 'gatewayapi':
      if (user === undefined) throw new UsageError('--profile gatewayapi needs --user.');
      if (password === null) {
        throw new UsageError(
          '--profile gatewayapi needs a password: --password-env VAR or --password-file F.',
        );
      }
      return providerProfile(user, password);
    default:
      throw new UsageError(
        `there is no profile ${JSON.stringify(profileName)}: use emulated or gatewayapi.`,
      );
  }
}

/**
 * FILE's name has no modifiers (and --as gives none): the name the export would have given it,
 * from what it holds, so that a semicolon file saved by Excel is read as one. Null when the
 * name has modifiers, or the file cannot be read (sending it says why).
 */
async function nameFromFile(
  file: string,
  cwd: string,
): Promise<{ as: string; line: string } | null> {
  const path = resolve(cwd, file);
  const own = serverNameOf(basename(path));
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return null;
    bytes = await readFile(path);
  } catch {
    return null;
  }
  const named = nameFromContent(own, bytes);
  if (named === null) return null;
  const format =
    named.format === 'excel' ? 'semicolon-separated (Excel format)' : 'comma-separated';
  return {
    as: named.uploadName,
    line: `${basename(path)} has no modifiers in its name: it is ${format}, ${ENCODING_NAMES[named.encoding]}; sending it as ${named.uploadName}`,
  };
}

export async function sendCommand(
  args: string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = readCommandLine(
    args,
    {
      as: { type: 'string' },
      profile: { type: 'string' },
      server: { type: 'string', multiple: true },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'password-file': { type: 'string' },
      plain: { type: 'boolean' },
      fingerprint: { type: 'string' },
      follow: { type: 'boolean' },
      'follow-for': { type: 'string' },
      interval: { type: 'string' },
      'give-up': { type: 'string' },
      'connect-timeout': { type: 'string' },
      again: { type: 'boolean' },
      data: { type: 'string' },
    },
    SEND_USAGE,
    io,
    true,
  );
  if (parsed === null) return EXIT_OK;
  const { values } = parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError(`send takes exactly one FILE.\n\n${SEND_USAGE}`);
  const profile = await profileFrom(values, env, io.cwd);
  let as = values.as;
  if (as === undefined) {
    const named = await nameFromFile(file, io.cwd);
    if (named !== null) {
      io.stdout(named.line + '\n');
      as = named.as;
    }
  }
  const timings: Partial<Timings> = {};
  const set = (key: keyof Timings, flag: string) => {
    const ms = seconds(`--${flag}`, values[flag as keyof typeof values] as string | undefined);
    if (ms !== undefined) (timings as Record<string, number>)[key] = ms;
  };
  set('followForMs', 'follow-for');
  set('pollIntervalMs', 'interval');
  set('giveUpAfterMs', 'give-up');
  set('connectTimeoutMs', 'connect-timeout');
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir('app', env));

  const service = await SendsheetService.start({
    dataDir,
    profiles: [profile],
    timings,
    resume: false,
    cwd: io.cwd,
  });
  try {
    if (service.warning) io.stderr(`sendsheet send: ${service.warning}\n`);
    let last: Batch | null = null;
    let id: string | null = null;
    const early: Batch[] = [];
    const follow = values.follow ?? false;
    const done = (batch: Batch) =>
      (FINAL_STATES as readonly BatchState[]).includes(batch.state) ||
      (!follow && (batch.state === 'ready' || batch.state === 'processing'));
    let finish!: (batch: Batch) => void;
    const ended = new Promise<Batch>((resolve) => (finish = resolve));
    const seen = (batch: Batch) => {
      for (const line of describeChange(batch, last)) io.stdout(line + '\n');
      last = batch;
      if (done(batch)) finish(batch);
    };
    service.subscribe((batch) => {
      if (id === null) early.push(batch);
      else if (batch.id === id) seen(batch);
    });
    const sent = await service.sendFile({
      path: file,
      profile: profile.id,
      as,
      again: values.again ?? false,
    });
    if (!sent.ok) {
      if (sent.verdict) {
        io.stdout(formatVerdict(sent.verdict.name, sent.verdict));
        io.stderr(`sendsheet send: ${sent.error}\n`);
        return EXIT_REJECTED;
      }
      if (sent.earlier) {
        io.stderr(`sendsheet send: ${sent.error} To send them again anyway: --again.\n`);
        return EXIT_SENT_BEFORE;
      }
      throw new UsageError(sent.error);
    }
    const batch = sent.batch;
    io.stdout(
      sent.resumed
        ? `${batch.fileName}: ${plural(batch.rows, 'message')}, ${plural(batch.parts, 'SMS part')}; an earlier run left ${batch.uploadName} unfinished (${batch.state}): asking the servers what became of it, and finishing it (${profile.name})\n`
        : `${batch.fileName}: ${plural(batch.rows, 'message')}, ${plural(batch.parts, 'SMS part')}; sending as ${batch.uploadName} (${profile.name})\n`,
    );
    id = batch.id;
    for (const change of early.splice(0)) if (change.id === id) seen(change);
    const end = await ended;
    switch (end.state) {
      case 'success':
      case 'ready':
      case 'processing':
        return EXIT_OK;
      case 'rejected':
        return EXIT_REJECTED;
      case 'failed':
      case 'cancelled':
        return EXIT_NOT_SENT;
      default:
        return EXIT_UNFINISHED;
    }
  } finally {
    await service.close();
  }
}
