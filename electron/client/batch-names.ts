/**
 * The names a batch has on the server, and what a listing says about it. A batch is uploaded
 * under a temporary name of its own, then renamed to its `.ready` name; both carry the batch's
 * id, so that a listing on either server tells exactly which of the batch's files exist, and no
 * batch can ever overwrite another's (SPEC 1: the server overwrites a name that exists).
 */
import { parseStageName, parseUploadName, safeBaseName } from '../../core/names';
import type { Stage } from '../../core/names';
import type { RemoteFile } from './ftp-session';

export interface BatchNames {
  id: string;
  /** `NAME.ready`, NAME holding the id and ending in the modifiers the server is to read. */
  readyName: string;
  /** NAME: what every stage of the life cycle starts with (SPEC 1). */
  base: string;
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const ID_LENGTH = 10;

/** A batch id: 10 characters of an unambiguous alphabet, 50 bits; `random` gives bytes. */
export function newBatchId(random: (size: number) => Uint8Array): string {
  let id = '';
  for (const byte of random(ID_LENGTH)) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export function isBatchId(text: string): boolean {
  return text.length === ID_LENGTH && [...text].every((c) => ID_ALPHABET.includes(c));
}

/**
 * The name the server is to read a local file under: `--as NAME` when given, else the file's
 * own name; `.ready` may be left off; a file named as the server names it later
 * (`NAME.STAMP.rejected`) goes back under its `NAME.ready`.
 */
export function serverNameOf(fileName: string, as?: string): string {
  const name = as ?? fileName;
  const stage = as === undefined ? parseStageName(name) : null;
  if (stage && stage.stage !== 'ready') return `${stage.base}.ready`;
  return name.endsWith('.ready') ? name : `${name}.ready`;
}

/** A short extension at the end of a name, like `.csv`: the id goes in front of it. */
const EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

/**
 * The batch's `.ready` name: the server name with the id added to the name itself, modifiers
 * kept as written: `list.csv.excel.ready` -> `list-7kx2m9q4ab.csv.excel.ready`. The name is made
 * safe (no folder, no control characters, SPEC 1) on the way.
 */
export function batchNames(serverName: string, id: string): BatchNames {
  const parsed = parseUploadName(
    serverName.endsWith('.ready') ? serverName : `${serverName}.ready`,
  );
  const words = parsed.base.split('.');
  const count = parsed.modifiers.length;
  const plain = words.slice(0, words.length - count).join('.');
  const modifiers = words.slice(words.length - count);
  const safe = plain === '' ? 'batch' : safeBaseName(plain);
  const extension = EXTENSION.exec(safe)?.[0] ?? '';
  const stem = safe.slice(0, safe.length - extension.length) || 'batch';
  const base = [`${stem}-${id}${extension}`, ...modifiers].join('.');
  const readyName = `${base}.ready`;
  // The id is a plain word: it can never turn into a modifier or a stage.
  const check = parseUploadName(readyName);
  if (check.modifiers.join('.') !== parsed.modifiers.join('.')) {
    throw new Error(`The batch name changed the modifiers: ${serverName} -> ${readyName}`);
  }
  return { id, readyName, base };
}

/** The names of a batch sent earlier, from its `.ready` name; null if it is not one of ours. */
export function namesOfBatch(readyName: string, id: string): BatchNames | null {
  if (!isBatchId(id) || !readyName.endsWith('.ready')) return null;
  const base = readyName.slice(0, -'.ready'.length);
  const tagged = base.includes(`-${id}.`) || base.endsWith(`-${id}`);
  return tagged ? { id, readyName, base } : null;
}

/**
 * The temporary name of one upload attempt: `sendsheet-ID-N.part`. No stage name (it ends in
 * `.part`, never `.ready`), so the server never processes it; letters, digits, `-` and `.` only,
 * and no leading dot, which hardened servers refuse (pure-ftpd -x: `553 Prohibited file name`,
 * issue 19); one per attempt, so a late write of an attempt given up never lands on the file
 * another attempt is about to rename.
 */
export function tempName(id: string, attempt: number): string {
  return `sendsheet-${id}-${attempt}.part`;
}

/** Before issue 19 the name was hidden (`.sendsheet-ID-N.part`): a resume may still find one. */
const TEMP_PREFIXES = ['sendsheet-', '.sendsheet-'];

function attemptOf(name: string, id: string): number | null {
  const prefix = TEMP_PREFIXES.map((start) => `${start}${id}-`).find((p) => name.startsWith(p));
  if (prefix === undefined || !name.endsWith('.part')) return null;
  const digits = name.slice(prefix.length, -'.part'.length);
  return /^[1-9]\d{0,5}$/.test(digits) ? Number(digits) : null;
}

export interface StageFile {
  stage: Stage;
  stamp: string | null;
  name: string;
}

/** What a listing shows of one batch. */
export interface BatchOnServer {
  /** The furthest stage of the life cycle the batch's file is in, or null when it has none. */
  stage: StageFile | null;
  /** Temporary files of the batch, by attempt, with their sizes. */
  temps: { name: string; attempt: number; size: number }[];
}

/** The latest-stamped file of `stage`, or null. */
function latest(files: readonly StageFile[], stage: Stage): StageFile | null {
  let found: StageFile | null = null;
  for (const file of files) {
    if (file.stage === stage && (found === null || (file.stamp ?? '') > (found.stamp ?? '')))
      found = file;
  }
  return found;
}

/**
 * Reads a listing for one batch. A file moves forward only, and while the server finishes a
 * file its `.processing` name and its outcome exist a moment side by side. Among stray files
 * (an earlier server left them), the safe reading: the batch was accepted if any `.success` of
 * it exists, and rejected only when nothing of it is still on its way, since a batch reported
 * rejected that is in fact sent would be sent twice.
 */
export function findBatch(files: readonly RemoteFile[], names: BatchNames): BatchOnServer {
  const mine: StageFile[] = [];
  const temps: BatchOnServer['temps'] = [];
  for (const file of files) {
    const attempt = attemptOf(file.name, names.id);
    if (attempt !== null) {
      temps.push({ name: file.name, attempt, size: file.size });
      continue;
    }
    const parsed = parseStageName(file.name);
    if (parsed !== null && parsed.base === names.base)
      mine.push({ stage: parsed.stage, stamp: parsed.stamp, name: file.name });
  }
  const finished = new Set(
    mine.filter((f) => f.stage === 'success' || f.stage === 'rejected').map((f) => f.stamp),
  );
  const underway = mine.filter((f) => f.stage !== 'processing' || !finished.has(f.stamp));
  const stage =
    latest(mine, 'success') ??
    latest(underway, 'processing') ??
    latest(mine, 'ready') ??
    latest(mine, 'rejected');
  temps.sort((a, b) => a.attempt - b.attempt);
  return { stage, temps };
}
