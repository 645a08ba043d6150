/**
 * `sendsheet provider <control>`: the emulated provider's test controls of a running
 * `sendsheet app --test-controls` or `sendsheet serve --test-controls`, from a shell or a
 * test in another language. Prints the answer as JSON.
 */
import { errorText } from '../../core/contract/errors';
import { controlsClient } from '../../core/contract/test-controls';
import type { ServerName } from '../../core/contract/test-controls';
import type { CommandIo } from './io';
import { EXIT_OK, EXIT_REJECTED, readCommandLine, UsageError } from './io';

export const PROVIDER_USAGE = `Usage: sendsheet provider <control> [arguments] (--url URL | --port P)

Controls the emulated provider of a running "sendsheet app --test-controls" (or "sendsheet
serve --test-controls") for a test, and prints its answer as JSON:

  status                      the servers' states, what is held, failing and delayed
  down A|B [--hang]           the server refuses connections; with --hang it accepts them
                              and never answers
  up A|B                      the server serves again
  hold                        every file stays .processing until "release"
  release                     held files go on
  fail N [--retry-ms MS]      the next N files fail with an internal error and are tried
                              again after MS milliseconds (default 1000)
  delay MS                    each file takes MS milliseconds more to process (0: none)
  outbox [--account USER]     the messages queued, as JSON
  reset                       everything as at start, and the outbox emptied

  --url URL     the controls' URL that "app --json" or "serve --json" prints (the app's
                carries its run's secret), or the address "app" prints
  --port P      the app's port on 127.0.0.1
  --secret S    the app's run's secret, when the URL does not carry it (default: the
                environment's SENDSHEET_SECRET)

Exit codes: 0 done; 1 the app refused the control or does not answer; 2 a usage mistake.`;

function count(text: string | undefined, what: string, min: number): number {
  if (text === undefined || !/^\d{1,9}$/.test(text) || Number(text) < min)
    throw new UsageError(
      `${what} takes a whole number from ${min}, not ${JSON.stringify(text ?? '')}.`,
    );
  return Number(text);
}

function serverName(text: string | undefined): ServerName {
  const name = text?.toUpperCase();
  if (name !== 'A' && name !== 'B') throw new UsageError('Name the server: A or B.');
  return name;
}

export async function providerCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readCommandLine(
    args,
    {
      url: { type: 'string' },
      port: { type: 'string' },
      hang: { type: 'boolean' },
      'retry-ms': { type: 'string' },
      account: { type: 'string' },
      secret: { type: 'string' },
    },
    PROVIDER_USAGE,
    io,
    true,
  );
  if (parsed === null) return EXIT_OK;
  const { values, positionals } = parsed;
  const [control, argument, ...rest] = positionals;
  if ((values.url === undefined) === (values.port === undefined))
    throw new UsageError(`Say where the app runs: --url URL or --port P.\n\n${PROVIDER_USAGE}`);
  const url = values.url ?? `http://127.0.0.1:${count(values.port, '--port', 1)}/`;
  const controls = controlsClient(url, fetch, values.secret ?? process.env.SENDSHEET_SECRET);
  const extra = (allowed: number) => {
    if ((argument === undefined ? 0 : 1) + rest.length > allowed)
      throw new UsageError(`${control} takes ${allowed === 0 ? 'no' : 'one'} argument.`);
  };
  let call: () => Promise<unknown>;
  switch (control) {
    case 'status':
    case 'hold':
    case 'release':
    case 'reset':
      extra(0);
      call = () => controls[control]({});
      break;
    case 'down': {
      extra(1);
      const server = serverName(argument);
      call = () => controls.down({ server, mode: values.hang ? 'hang' : 'refuse' });
      break;
    }
    case 'up': {
      extra(1);
      const server = serverName(argument);
      call = () => controls.up({ server });
      break;
    }
    case 'fail': {
      extra(1);
      const request = {
        count: count(argument, 'fail', 1),
        ...(values['retry-ms'] !== undefined
          ? { retryIntervalMs: count(values['retry-ms'], '--retry-ms', 10) }
          : {}),
      };
      call = () => controls.fail(request);
      break;
    }
    case 'delay': {
      extra(1);
      const ms = count(argument, 'delay', 0);
      call = () => controls.delay({ ms });
      break;
    }
    case 'outbox':
      extra(0);
      call = () => controls.outbox(values.account === undefined ? {} : { account: values.account });
      break;
    default:
      throw new UsageError(
        `${control === undefined ? 'Name a control' : `There is no control "${control}"`}.\n\n${PROVIDER_USAGE}`,
      );
  }
  try {
    io.stdout(JSON.stringify(await call(), null, 2) + '\n');
    return EXIT_OK;
  } catch (error) {
    io.stderr(`sendsheet provider ${control}: ${errorText(error)}\n`);
    return EXIT_REJECTED;
  }
}
