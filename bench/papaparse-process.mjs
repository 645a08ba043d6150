// @ts-check
// papaparse as a process of its own, for check.bench.ts to time beside `sendsheet check --json`
// as a process: Node's start, the file read, decoded and parsed. Plain JavaScript, so that it
// starts as fast as the command's bundle does. Decoded as Latin-1, the fastest decoder Node has
// (its "windows-1252" took 430 ms of the 30 MiB file, the parse 520): a different character for
// 0x80-0x9F, not a different parse.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: papaparse-process.mjs FILE');
const text = readFileSync(path).toString('latin1');
const result = Papa.parse(text, { delimiter: ';', newline: '\r\n' });
process.stdout.write(`${result.data.length} records, ${result.errors.length} errors\n`);
