/** The decode tests' files made of bytes and text, and their reference encoder (iconv-lite). */
import iconv from 'iconv-lite';
import { concat } from './bytes.test-util';
import type { Decoded, Encoding } from './decode';
import type { Problem } from './problems';

/** Concatenates raw bytes and text (as UTF-8) into one file. */
export function file(...parts: (readonly number[] | string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part),
  );
  return concat(chunks);
}

// The reference encoder is iconv-lite, so these tests do not lean on core's own encode.ts.
export const WIDE: readonly Encoding[] = ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'];
export const inEncoding = (text: string, encoding: Encoding) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM: false }));
export const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

export function problemOf(decoded: Decoded): Problem {
  if (decoded.ok) throw new Error(`expected bad-encoding, decoded ${JSON.stringify(decoded)}`);
  return decoded.problem;
}

/** How many errors the message says there are ("the first of N ..."), 1 when it names one. */
export function countIn(problem: Problem): number {
  const match = /\(the first of (\d+) /.exec(problem.message);
  return match === null ? 1 : Number(match[1]);
}

export const HEADER = 'msisdn,message\n';
export const BODY = '4512345678,"Bon appétit, Zoë — 5 € 😀"\n';
