/**
 * At least one problem of every code and kind, made by core itself: from files checked as the
 * server checks them, from values, from an export and from the server's own failure.
 */
import { inspectFile } from '../../../core/check';
import { internalErrorFile, internalErrorProblem } from '../../../core/processing';
import type { Problem } from '../../../core/problems';
import { countSegments } from '../../../core/segments';
import {
  describeClass,
  describeMsisdn,
  describeSender,
  describeUserref,
  messageProblem,
  mixedClassProblems,
} from '../../../core/values';
import { exportProblems } from '../../../core/writer';

const bytes = (text: string) => new TextEncoder().encode(text);

function checked(name: string, content: string | Uint8Array, cut = false): Problem[] {
  const file = typeof content === 'string' ? bytes(content) : content;
  return inspectFile({ name, bytes: file, cut }).decision.problems;
}

function described(
  code: Problem['code'],
  column: string,
  found: { message: string; values?: Problem['values'] } | null,
): Problem[] {
  if (found === null) throw new Error(`core found no ${code}`);
  return [{ row: 2, column, code, ...found }];
}

export function problemCorpus(): Problem[] {
  const header = 'msisdn,message\n';
  const tooLong = messageProblem('a'.repeat(1600), countSegments('a'.repeat(1600)));
  const tooLongUcs2 = messageProblem('ø’'.repeat(400), countSegments('ø’'.repeat(400)));
  // The file is read again only to be sure that the cause core appends is made the same way.
  internalErrorFile({ name: 'x.csv.ready', bytes: bytes(header) }, 3, 'disk full', new Date(0));
  return [
    ...checked('big.csv.ready', new Uint8Array(30 * 1024 * 1024 + 1)),
    // Standard input is cut after 30 MiB, and then its size is not known.
    ...checked('cut.csv.ready', new Uint8Array(30 * 1024 * 1024 + 1), true),
    ...checked('x.csv.utf8.cp1252.ready', header),
    ...checked('x.csv.ready', new Uint8Array([...bytes(`${header}4512345678,Hej `), 0x81])),
    ...checked('x.csv.utf8.ready', new Uint8Array([...bytes(`${header}4512345678,`), 0xff])),
    ...checked('x.csv.ready', ''),
    ...checked('x.csv.ready', 'msisdn\tmessage\n4512345678\thi\n'),
    ...checked('x.csv.ready', `${header}4512345678,hi\r4512345679,ho\n`),
    ...checked('x.csv.ready', `${header}4512345678,"hi\n`),
    ...checked('x.csv.ready', `${header}4512345678,h"i\n4512345679,"ho"x\n`),
    ...checked('x.csv.ready', `${header}4512345678\n4512345679,a,b\n`),
    ...checked('x.csv.ready', 'msisdn\n4512345678\n'),
    ...checked('x.csv.ready', '\n4512345678,hi\n'),
    ...checked('x.csv.ready', 'msisdn,message,Foo,,MESSAGE, sender\n'),
    ...checked('x.csv.ready', 'msisdn;message\n'),
    ...checked('x.csv.excel.ready', 'msisdn,message;sender\n'),
    ...checked('x.csv.ready', 'msisdn,message,message\n4512345678,a,b\n'),
    ...checked('x.csv.ready', header),
    ...exportProblems([]),
    ...exportProblems([{ msisdn: '4512345678', message: 'Hi \ud800' }]),
    ...exportProblems([{ msisdn: '4512345678', message: 'Hi ✓' }], 'cp1252'),
    ...['', '4.51E+09', '+45 12 34 56 78', 'call me', '012345678', '1234'].flatMap((raw) =>
      described('bad-msisdn', 'msisdn', describeMsisdn(raw)),
    ),
    ...checked('x.csv.ready', `${header}4512345678,\n`),
    { row: 2, column: 'message', ...tooLong! },
    { row: 2, column: 'message', ...tooLongUcs2! },
    ...['1234567890123456', 'A very long sender', '...', 'Søren'].flatMap((raw) =>
      described('bad-sender', 'sender', describeSender(raw)),
    ),
    ...described('bad-class', 'class', describeClass('Premium')),
    ...mixedClassProblems([
      { row: 2, class: 'premium' },
      { row: 3, class: 'secret' },
    ]),
    ...described('bad-userref', 'userref', describeUserref('x'.repeat(300))),
    internalErrorProblem(3, 'disk full'),
  ];
}
