/**
 * Builds made when they are needed: `sendsheet app` (and `npm start`) builds the user interface,
 * and for the window the desktop bundles, when they are missing or older than their sources,
 * so a fresh clone needs nothing but `npm ci` and `npm start`.
 *
 * "Older" is decided by content, not by clocks: after each build, a stamp beside it keeps a
 * digest of every source file's path and bytes. A checkout that brings back an older file, a
 * clock that is off, or a file saved unchanged all decide rightly. The stamp also lists the
 * files each build wrote, so the files of a build are kept while `keep` newer builds are made
 * (a page opened before a build still finds its scripts) and deleted after, and nothing else
 * in the folder is ever deleted.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { lock } from 'proper-lockfile';
import type { LockOptions } from 'proper-lockfile';
import { replaceFile } from '../base/files';
import type { CommandIo } from './io';
import { UsageError } from './io';

export interface BuildTarget {
  /** What is built, in the words of the lines printed: "the user interface". */
  what: string;
  /** The repository: every path below is relative to it. */
  root: string;
  /** The files and folders the build reads. Tests, notes and hidden files in folders are not. */
  inputs: string[];
  /** A file that is there only with the sources; without it (an installed app) nothing is built. */
  marker: string;
  /** The file a build must have made for it to be used at all. */
  entry: string;
  /** Where the digest of the sources and the files of the last builds are kept. */
  stampFile: string;
  /** How many builds' files are kept (1: only the newest). */
  keep: number;
  /** What to tell a person when the build fails: what to run. */
  remedy: string;
  /**
   * Makes the build and returns the files it wrote, relative to `root`. `clean`: no earlier
   * build is known (no stamp), so its folder may be emptied first.
   */
  make(clean: boolean): Promise<string[]>;
}

interface Stamp {
  version: 1;
  /** The digest of the sources the newest build was made from. */
  sources: string;
  /** The files each kept build wrote, newest first, relative to the root. */
  builds: string[][];
}

/** Why a build is needed: none yet, or its sources changed since; null when it is up to date. */
export type Staleness = 'missing' | 'changed' | null;

const NOT_SOURCES = /(\.test|\.e2e|\.test-util)\.tsx?$|\.md$/;

async function filesUnder(root: string, path: string): Promise<string[]> {
  const entries = await readdir(join(root, path), { withFileTypes: true }).catch(() => null);
  if (entries === null) return [path];
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await filesUnder(root, child)));
    else if (entry.isFile() && !NOT_SOURCES.test(entry.name)) files.push(child);
  }
  return files;
}

/** The source files of a target, relative to its root, in a fixed order. */
export async function sourceFiles(target: Pick<BuildTarget, 'root' | 'inputs'>): Promise<string[]> {
  const files = await Promise.all(target.inputs.map((input) => filesUnder(target.root, input)));
  return [...new Set(files.flat())].sort();
}

/** A digest of the sources' paths and bytes: it changes when any file is added, removed or edited. */
export async function sourcesDigest(target: Pick<BuildTarget, 'root' | 'inputs'>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await sourceFiles(target)) {
    const bytes = await readFile(join(target.root, file)).catch(() => null);
    hash.update(`${file}\0${bytes === null ? 'none' : bytes.length}\0`);
    if (bytes !== null) hash.update(bytes);
  }
  return hash.digest('hex');
}

async function readStamp(file: string): Promise<Stamp | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const stamp = value as Partial<Stamp> | null;
  const valid =
    stamp?.version === 1 &&
    typeof stamp.sources === 'string' &&
    Array.isArray(stamp.builds) &&
    stamp.builds.every(
      (build) => Array.isArray(build) && build.every((path) => typeof path === 'string'),
    );
  return valid ? (stamp as Stamp) : null;
}

/** The path inside the root that a stamp names; null for one that leads out (a stamp is data). */
function inside(root: string, path: string): string | null {
  const full = resolve(root, path);
  const rel = relative(root, full);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? full : null;
}

function complete(target: BuildTarget, stamp: Stamp | null): boolean {
  if (stamp === null || !existsSync(join(target.root, target.entry))) return false;
  return (stamp.builds[0] ?? []).every((path) => {
    const full = inside(target.root, path);
    return full !== null && existsSync(full);
  });
}

/** Whether the target must be built before it is used, and why. */
export async function staleness(target: BuildTarget): Promise<Staleness> {
  if (!existsSync(join(target.root, target.marker))) return null;
  const stamp = await readStamp(target.stampFile);
  if (!complete(target, stamp)) return 'missing';
  return stamp!.sources === (await sourcesDigest(target)) ? null : 'changed';
}

const LOCKING: LockOptions = {
  // The stamp need not exist yet: the lock is a folder beside it.
  realpath: false,
  // A build takes seconds; the lock is refreshed while it runs, and one left by a start that
  // died is taken over after 30 s. The retries wait for another start's build (minutes at most).
  stale: 30_000,
  retries: { retries: 240, factor: 1, minTimeout: 500, maxTimeout: 500 },
  // Taken over while building (a machine stalled for 30 s): both builds write the same files.
  onCompromised: () => {},
};

/** The build's lock; when another start holds it, says so and waits for it. */
async function takeLock(target: BuildTarget, io: Pick<CommandIo, 'stdout'>) {
  const locked = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ELOCKED';
  try {
    return await lock(target.stampFile, { ...LOCKING, retries: 0 });
  } catch (error) {
    if (!locked(error)) throw error;
  }
  io.stdout(`Waiting for another start of Sendsheet that is building ${target.what}…\n`);
  try {
    return await lock(target.stampFile, LOCKING);
  } catch (error) {
    if (!locked(error)) throw error;
    throw new UsageError(
      `another start of Sendsheet has been building ${target.what} for minutes: stop it, then start again.`,
    );
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Builds the target when it is missing or its sources changed (or always, with `force`),
 * saying so before and after. A failed build is a UsageError saying what to do: the command
 * then ends with exit code 2. Returns whether it built.
 */
export async function ensureBuilt(
  target: BuildTarget,
  io: Pick<CommandIo, 'stdout'>,
  options: { force?: boolean; clean?: boolean } = {},
): Promise<boolean> {
  if (!existsSync(join(target.root, target.marker))) {
    // An installed app: what it ships is what it runs.
    if (existsSync(join(target.root, target.entry))) return false;
    throw new UsageError(
      `${target.what} is missing from this installation (${target.entry}): install Sendsheet again.`,
    );
  }
  if (!options.force && (await staleness(target)) === null) return false;

  await mkdir(dirname(target.stampFile), { recursive: true });
  const release = await takeLock(target, io);
  try {
    // Another start may have built it while this one waited.
    const why = options.force ? 'asked' : await staleness(target);
    if (why === null) return false;
    const previous = await readStamp(target.stampFile);
    const stamp = complete(target, previous) ? previous : null;
    const clean = options.clean === true || stamp === null;
    io.stdout(`Building ${target.what}${REASONS[why]}…\n`);
    const started = performance.now();
    const sources = await sourcesDigest(target);
    let written: string[];
    try {
      written = await target.make(clean);
    } catch (error) {
      throw new UsageError(
        `${target.what} could not be built:\n  ${cause(error)}\n${target.remedy}`,
        {
          cause: error,
        },
      );
    }
    await keepBuilds(target, [written, ...(clean ? [] : stamp.builds)], sources);
    io.stdout(`Built ${target.what} in ${seconds(performance.now() - started)}.\n`);
    return true;
  } finally {
    await release().catch(() => {});
  }
}

const REASONS = {
  missing: ' (it is not built yet; this takes a few seconds)',
  changed: ' again (its sources changed)',
  asked: '',
} as const;

/** The start of a build's error: where and what, without pages of stack. */
function cause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .trim()
    .split('\n')
    .slice(0, 12)
    .map((line) => line.trimEnd())
    .join('\n  ');
}

/** Writes the stamp for the newest build, then deletes the files only older builds made. */
async function keepBuilds(target: BuildTarget, builds: string[][], sources: string) {
  const kept = builds.slice(0, target.keep);
  const stamp: Stamp = { version: 1, sources, builds: kept };
  await replaceFile(
    target.stampFile,
    [JSON.stringify(stamp, null, 1) + '\n'],
    dirname(target.stampFile),
  );
  const keep = new Set(kept.flat());
  for (const path of new Set(builds.slice(target.keep).flat())) {
    const full = inside(target.root, path);
    if (!keep.has(path) && full !== null) await rm(full, { force: true });
  }
}
