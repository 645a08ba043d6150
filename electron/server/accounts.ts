/**
 * The emulated provider's accounts and settings, from a JSON config file:
 *
 *     { "accounts": [{ "user": "alice", "password": "s3cret" }],
 *       "host": "127.0.0.1", "passivePorts": [21000, 21099], "retryIntervalSeconds": 1800,
 *       "uploadLimitMiB": 100, "quotaMiB": 1024, "idleTimeoutSeconds": 300,
 *       "dataTimeoutSeconds": 60, "connectionsPerAddress": 50 }
 *
 * Every key is optional; without accounts there is the one demo account. Mistakes come back as
 * sentences, never as exceptions, so `serve` can show them all at once.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { errorText } from '../../core/contract/errors';

export interface Account {
  user: string;
  password: string;
}

/** The account a new user tries first; `serve` prints it. */
export const DEMO_ACCOUNT: Readonly<Account> = Object.freeze({ user: 'demo', password: 'demo' });

export interface ServerConfig {
  accounts: Account[];
  host?: string;
  /** The passive data ports both servers share, split in two halves. */
  passivePorts?: [number, number];
  retryIntervalSeconds?: number;
  /** The limits of issue 15: an upload's size, an account's quota, time-outs, connections. */
  uploadLimitMiB?: number;
  quotaMiB?: number;
  idleTimeoutSeconds?: number;
  dataTimeoutSeconds?: number;
  connectionsPerAddress?: number;
}

/** The settings that are a number above 0, and what each is, for the sentence that refuses it. */
const LIMITS = {
  retryIntervalSeconds: 'a number of seconds above 0',
  uploadLimitMiB: 'a number of MiB above 0',
  quotaMiB: 'a number of MiB above 0',
  idleTimeoutSeconds: 'a number of seconds above 0',
  dataTimeoutSeconds: 'a number of seconds above 0',
  connectionsPerAddress: 'a whole number above 0',
} as const;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** User names become folder names: letters, digits, `.`, `_`, `-`, not starting with a dot. */
const USER_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
const KEYS = ['accounts', 'host', 'passivePorts', ...Object.keys(LIMITS)];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** FTP commands end at CR LF and the server drops `"` from them, so such a password never matches. */
function passwordProblem(password: string): string | null {
  if (password === '') return 'is empty';
  let unsendable = false;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x22) unsendable = true;
  }
  if (unsendable) {
    return 'has a double quote or a control character, which an FTP client cannot send';
  }
  return null;
}

function readAccounts(value: unknown, problems: string[]): Account[] {
  if (!Array.isArray(value)) {
    problems.push('"accounts" must be a list of { "user": ..., "password": ... }.');
    return [];
  }
  const accounts: Account[] = [];
  const seen = new Set<string>();
  value.forEach((entry, index) => {
    const where = `accounts[${index}]`;
    if (!isRecord(entry) || typeof entry.user !== 'string' || typeof entry.password !== 'string') {
      problems.push(`${where} must have a "user" and a "password", both text.`);
      return;
    }
    const extra = Object.keys(entry).filter((key) => key !== 'user' && key !== 'password');
    if (extra.length > 0) problems.push(`${where} has unknown keys: ${extra.join(', ')}.`);
    if (!USER_NAME.test(entry.user)) {
      problems.push(
        `${where}: the user name ${JSON.stringify(entry.user)} must be 1 to 64 letters, digits, ".", "_" or "-", not starting with ".".`,
      );
    }
    // Folders are named after users, and some file systems ignore case.
    const key = entry.user.toLowerCase();
    if (seen.has(key))
      problems.push(`${where}: the user ${JSON.stringify(entry.user)} is there twice.`);
    seen.add(key);
    const password = passwordProblem(entry.password);
    if (password)
      problems.push(`${where}: the password of ${JSON.stringify(entry.user)} ${password}.`);
    accounts.push({ user: entry.user, password: entry.password });
  });
  if (value.length === 0)
    problems.push('"accounts" is empty: leave it out to use the demo account.');
  return accounts;
}

export function parseConfig(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`The config is not valid JSON: ${errorText(error)}.`] };
  }
  if (!isRecord(json)) return { ok: false, problems: ['The config must be a JSON object.'] };
  const problems: string[] = [];
  const unknown = Object.keys(json).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) {
    problems.push(`Unknown keys: ${unknown.join(', ')} (known: ${KEYS.join(', ')}).`);
  }
  const config: ServerConfig = {
    accounts:
      json.accounts === undefined ? [{ ...DEMO_ACCOUNT }] : readAccounts(json.accounts, problems),
  };
  if (json.host !== undefined) {
    if (typeof json.host !== 'string' || json.host === '')
      problems.push('"host" must be an address.');
    else config.host = json.host;
  }
  if (json.passivePorts !== undefined) {
    const range = json.passivePorts;
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !isPort(range[0]) ||
      !isPort(range[1]) ||
      range[1] - range[0] < 3
    ) {
      problems.push(
        '"passivePorts" must be [first, last]: ports from 1 to 65535, at least 4 of them.',
      );
    } else {
      config.passivePorts = [range[0], range[1]];
    }
  }
  for (const [key, what] of Object.entries(LIMITS) as [keyof typeof LIMITS, string][]) {
    const value = json[key];
    if (value === undefined) continue;
    const whole = key === 'connectionsPerAddress';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value <= 0 ||
      (whole && !Number.isInteger(value))
    ) {
      problems.push(`"${key}" must be ${what}.`);
    } else {
      config[key] = value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

export async function readConfig(path: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [`Cannot read the config ${path}: ${errorText(error)}.`],
    };
  }
  return parseConfig(text);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The account a user name and password open, or null. Every password is compared, in constant
 * time, so the answer's timing tells nothing about which names exist.
 */
export function authenticate(
  accounts: readonly Account[],
  user: string,
  password: string,
): Account | null {
  const given = digest(password);
  let found: Account | null = null;
  for (const account of accounts) {
    const match = timingSafeEqual(digest(account.password), given);
    if (match && account.user === user) found = account;
  }
  return found;
}
