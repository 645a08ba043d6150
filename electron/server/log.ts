/**
 * What the emulated provider tells the person running it: one entry per step of a file's life
 * cycle and per login, handed to an injected sink so that `serve` prints them and tests stay quiet.
 */
export interface LogEntry {
  at: Date;
  level: 'info' | 'warn' | 'error';
  /** The account the entry is about, or null for the provider as a whole. */
  account: string | null;
  /** The file on the account's folder the entry is about, or null. */
  file: string | null;
  message: string;
}

export type Log = (entry: LogEntry) => void;

export const silentLog: Log = () => {};

/** `2026-11-24T14:00:00Z alice list.csv.ready: message`, the shape `serve` prints. */
export function formatLogEntry(entry: LogEntry): string {
  const time = `${entry.at.toISOString().slice(0, 19)}Z`;
  const level = entry.level === 'info' ? '' : ` ${entry.level.toUpperCase()}`;
  const who = entry.account === null ? '' : ` ${entry.account}`;
  const what = entry.file === null ? '' : ` ${entry.file}`;
  return `${time}${level}${who}${what}: ${entry.message}`;
}

/** A logger bound to the provider's clock. */
export function logger(sink: Log, now: () => Date) {
  const write =
    (level: LogEntry['level']) => (account: string | null, file: string | null, message: string) =>
      sink({ at: now(), level, account, file, message });
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export type Logger = ReturnType<typeof logger>;
