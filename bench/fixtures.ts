import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const DATA_DIR = join(import.meta.dirname, '.data');

/** A deterministic pseudo-random sequence, so every run measures the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = [
  'Hej',
  'tilbud',
  'på',
  'alle',
  'varer',
  'i',
  'weekenden',
  'få',
  '20%',
  'rabat',
  'med',
  'koden',
  'SOMMER',
  'Søren',
  'Åse',
  'æbler',
  'café',
  'crème',
  'brûlée',
  'kun',
  '49,95',
  '€',
  'i',
  'dag',
  'din',
  'pakke',
  'er',
  'klar',
  'til',
  'afhentning',
  'ring',
  'til',
  'os',
  'svar',
  'STOP',
  'for',
];

/**
 * An Excel-format file as Excel writes it ("CSV (Semicolon delimited)", Windows-1252, CR LF):
 * fields quoted only where needed, some messages with semicolons, quotes and line breaks.
 */
export function excelCampaign(targetBytes: number, seed = 42): { bytes: Uint8Array; rows: number } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const lines = ['msisdn;message;sender;userref'];
  let size = lines[0]!.length + 2;
  let rows = 0;
  for (;;) {
    const msisdn = `45${String(20_000_000 + Math.floor(next() * 79_999_999))}`;
    const words = Array.from({ length: 10 + Math.floor(next() * 12) }, () => pick(WORDS));
    let message = words.join(' ');
    const roll = next();
    if (roll < 0.1) message = `${message}; "${pick(WORDS)}"\r\nMvh ${pick(WORDS)}`;
    else if (roll < 0.2) message = `${message}; se mere`;
    const quoted = /[;"\r\n]/.test(message) ? `"${message.replace(/"/g, '""')}"` : message;
    const line = `${msisdn};${quoted};${pick(['Shop', 'MyCompany', '4512345678', ''])};ref-${rows}`;
    if (size + line.length + 2 > targetBytes) break;
    lines.push(line);
    size += line.length + 2;
    rows++;
  }
  return { bytes: new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252')), rows };
}

/** Writes the fixture once and gives its path; later runs reuse it. */
export function fixtureFile(name: string, make: () => Uint8Array): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, name);
  if (!existsSync(path)) writeFileSync(path, make());
  return path;
}

export const THIRTY_MIB = 30 * 1024 * 1024;
