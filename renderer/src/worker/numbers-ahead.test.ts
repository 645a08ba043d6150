/**
 * Issue 16: the numbers parsed in the reading worker, after it posts the sheets, are the
 * numbers the page would read itself (readNumbers, the plain path), whatever the texts; the
 * page takes them only for the same sheet, column and country; and the worker is ended once
 * they came, or at the read's time limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessages, readNumbers } from '../logic/columns';
import {
  keepMessagesAhead,
  keepNumbersAhead,
  messagesFor,
  numbersFor,
} from '../logic/columns-ahead';
import { guessMapping } from '../logic/mapping';
import { sheetFromRows } from '../logic/sheet';
import type { Sheet } from '../logic/sheet';
import { numbersJob, unpackNumbers } from './numbers-ahead';
import { readFileInWorker } from './read-file';
import type { NumbersRead, ReaderWorker } from './read-file';
import type { WorkerMessage } from './read-outcome';
import { packOutcome } from './transfer';

/** Numbers as lists have them: plain, spaced, with + or 00, landlines, words, nothing. */
const typedNumber = fc.oneof(
  fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String),
  fc.integer({ min: 20_000_000, max: 99_999_999 }).map((n) => `+45 ${n}`),
  fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `0046${n}`),
  fc.constantFrom('', ' ', '80 20 20 20', '+44 20 7946 0000', 'ring mig', '4520123456', '12'),
  fc.string({ maxLength: 14 }),
);

const listOf = (rows: string[][]): Sheet[] => [
  sheetFromRows('Ark1', [['Navn']]),
  sheetFromRows('Kunder', [['Navn', 'Telefon', 'Besked'], ...rows]),
];

/** The sheets as the page has them after the worker posted them: the buffers moved away. */
function posted(sheets: Sheet[]): Sheet[] {
  const { packed, transfer } = packOutcome({
    ok: true,
    kind: 'spreadsheet',
    sheets,
    encoding: null,
    delimiter: null,
    notes: [],
  });
  const arrived = structuredClone(packed, { transfer });
  if (!arrived.ok) throw new Error('not a list');
  return arrived.sheets.map((sheet) => ({
    name: sheet.name,
    header: sheet.header,
    rowCount: sheet.rowCount,
    columns: sheet.texts.map((text, index) => ({ text, ends: sheet.ends[index]! })),
    sourceRows: Array.from(sheet.sourceRows),
  }));
}

describe('numbers read ahead in the reading worker (issue 16)', () => {
  it('are the numbers the page reads itself, after the sheets were posted (property)', () => {
    const row = fc.tuple(fc.string({ maxLength: 6 }), typedNumber, fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('DK', 'SE', 'DE'),
        (rows, country) => {
          const sheets = listOf(rows.map(([name, number, text]) => [name, number, `Hej ${text}`]));
          const job = numbersJob(sheets, country)!;
          const page = posted(sheets);
          const { packed, transfer } = job();
          const ahead = unpackNumbers(structuredClone(packed, { transfer }), page)!;
          expect(ahead).toEqual(readNumbers(page[1]!, 1, country));
          expect(ahead.typed).toBe(page[1]!.columns[1]);
          expect(packed).toMatchObject({ sheet: 1, column: 1, country });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('are none where no number column is guessed, or the sheet is not the one read', () => {
    expect(numbersJob([sheetFromRows('S', [['Navn'], ['Ida']])], 'DK')).toBeNull();
    const job = numbersJob(listOf([['Ida', '20123456', 'Hej']]), 'DK')!;
    const other = listOf([
      ['Ida', '20123456', 'Hej'],
      ['Bo', '20123457', 'Hej'],
    ]);
    expect(unpackNumbers(job().packed, other)).toBeNull();
  });

  it('are taken by the preview only for the same sheet, column and country', () => {
    const [, sheet] = listOf([
      ['Ida', '20123456', 'Hej'],
      ['Bo', '+46 70 123 45 67', 'Hej'],
    ]);
    const ahead = readNumbers(sheet!, 1, 'DK');
    keepNumbersAhead(sheet!, { column: 1, country: 'DK', numbers: ahead });
    expect(numbersFor(sheet!, 1, 'DK')).toBe(ahead);
    expect(numbersFor(sheet!, 1, 'SE')).not.toBe(ahead);
    expect(numbersFor(sheet!, 1, 'SE')).toEqual(readNumbers(sheet!, 1, 'SE'));
    expect(numbersFor(sheet!, 0, 'DK')).toEqual(readNumbers(sheet!, 0, 'DK'));
    const twin = { ...sheet! };
    expect(numbersFor(twin, 1, 'DK')).not.toBe(ahead);

    const message = guessMapping(sheet!).message;
    const messages = readMessages(sheet!, message);
    keepMessagesAhead(sheet!, { message, messages });
    expect(messagesFor(sheet!, { kind: 'column', column: 2 })).toBe(messages);
    expect(messagesFor(sheet!, { kind: 'column', column: 0 })).toEqual(
      readMessages(sheet!, { kind: 'column', column: 0 }),
    );
    expect(messagesFor(sheet!, { kind: 'template', text: 'Hej {Navn}' })).toEqual(
      readMessages(sheet!, { kind: 'template', text: 'Hej {Navn}' }),
    );
  });
});

/** A worker the test answers, as read-file.test.ts drives its own. */
function fakeWorker() {
  const worker = {
    onmessage: null as ReaderWorker['onmessage'],
    onerror: null as ReaderWorker['onerror'],
    posted: [] as unknown[],
    ended: false,
    postMessage: (message: unknown) => void worker.posted.push(message),
    terminate: () => void (worker.ended = true),
    say: (message: WorkerMessage) =>
      worker.onmessage?.({ data: message } as MessageEvent<WorkerMessage>),
  };
  return worker;
}

const file = { name: 'list.xlsx', size: 4, arrayBuffer: async () => new ArrayBuffer(4) };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the reading worker's numbers on the page (issue 16)", () => {
  const sheets = listOf([
    ['Ida', '20123456', 'Hej'],
    ['Bo', '20123456', 'Hej'],
  ]);

  async function read(timeLimitMs = 60_000) {
    const worker = fakeWorker();
    const found: (NumbersRead | null)[] = [];
    const reading = readFileInWorker(file, {
      limits: { maxBytes: 100, timeLimitMs },
      readers: { take: () => worker, end: (taken) => taken.terminate() },
      heap: () => null,
      numbers: { country: 'DK', found: (ahead) => found.push(ahead) },
    });
    await settle();
    expect(worker.posted[0]).toMatchObject({ country: 'DK' });
    const job = numbersJob(sheets, 'DK')!;
    const { packed } = packOutcome({
      ok: true,
      kind: 'spreadsheet',
      sheets,
      encoding: null,
      delimiter: null,
      notes: [],
    });
    worker.say({ type: 'done', outcome: packed });
    const outcome = await reading;
    return { worker, found, outcome, numbers: job().packed };
  }

  it('come after the sheets, and the worker is ended once they came', async () => {
    const { worker, found, outcome, numbers } = await read();
    expect(outcome?.ok).toBe(true);
    expect(worker.ended).toBe(false);
    expect(found).toEqual([]);
    worker.say({ type: 'numbers', numbers });
    expect(worker.ended).toBe(true);
    expect(found).toHaveLength(1);
    const sheet = outcome!.ok ? outcome!.sheets[1]! : null;
    expect(found[0]).toMatchObject({ sheet, column: 1, country: 'DK' });
    expect(found[0]!.numbers).toEqual(readNumbers(sheet!, 1, 'DK'));
    expect(found[0]!.numbers.duplicates).toEqual(Int32Array.from([-1, 0]));
  });

  it('are none, and the worker ended, when it has none or fails or takes too long', async () => {
    const none = await read();
    none.worker.say({ type: 'numbers', numbers: null });
    expect([none.found, none.worker.ended]).toEqual([[null], true]);

    const failing = await read();
    failing.worker.onerror?.({ message: '' } as ErrorEvent);
    expect([failing.found, failing.worker.ended]).toEqual([[null], true]);

    const slow = await read(20);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect([slow.found, slow.worker.ended]).toEqual([[null], true]);
    slow.worker.say({ type: 'numbers', numbers: slow.numbers });
    expect(slow.found).toEqual([null]);
  });

  it('are none at once when the read itself fails', async () => {
    const worker = fakeWorker();
    const found: (NumbersRead | null)[] = [];
    const reading = readFileInWorker(file, {
      limits: { maxBytes: 100, timeLimitMs: 60_000 },
      readers: { take: () => worker, end: (taken) => taken.terminate() },
      numbers: { country: 'DK', found: (ahead) => found.push(ahead) },
    });
    await settle();
    worker.say({
      type: 'done',
      outcome: { ok: false, failure: { code: 'empty', name: 'list.xlsx' } },
    });
    await reading;
    expect([found, worker.ended]).toEqual([[null], true]);
  });
});
