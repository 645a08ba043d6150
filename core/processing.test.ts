import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { appendCause, parseCause } from './cause';
import { decode } from './decode';
import fc from 'fast-check';
import {
  internalErrorFile,
  processFile,
  processInChunks,
  processSteps,
  processUnread,
} from './processing';
import type { ProcessedInChunks } from './processing';

const at = new Date(Date.UTC(2026, 10, 24, 14, 0, 0));

describe('SPEC 8: a rejected file keeps its bytes and gets the cause appended', () => {
  it('in its own encoding and line ending, readable back into the same problems', () => {
    const original = new Uint8Array(
      iconv.encode('msisdn;message\r\n4512;Café\r\n4512345678;', 'windows-1252'),
    );
    const result = processFile({ name: 'x.excel.ready', bytes: original }, at);
    if (result.outcome !== 'rejected') throw new Error('expected a rejection');
    expect([...result.bytes.subarray(0, original.length)]).toEqual([...original]);
    const decoded = decode(result.bytes, null);
    if (!decoded.ok) throw new Error('the rejected file must decode');
    expect(decoded.encoding).toBe('windows-1252');
    const appended = decoded.text.slice(new TextDecoder('windows-1252').decode(original).length);
    expect(appended).toBe(
      '\r\n\r\n# REJECTED 2026-11-24T14:00:00Z: 2 problem(s)\r\n' +
        `# row 2, column msisdn: bad-msisdn: ${result.verdict.problems[0]!.message}\r\n` +
        `# row 3, column message: empty-message: ${result.verdict.problems[1]!.message}\r\n`,
    );
    const cause = parseCause(decoded.text);
    // The cause carries the words, not the values they were made from.
    const words = result.verdict.problems.map(({ values: _values, ...problem }) => problem);
    expect(cause?.problems).toEqual(words);
    expect(cause?.at).toBe('2026-11-24T14:00:00Z');
  });

  it('a UTF-16 file gets its cause in UTF-16', () => {
    const original = new Uint8Array(iconv.encode('\ufeffmsisdn,message\n1,hi\n', 'utf-16le'));
    const result = processFile({ name: 'x.ready', bytes: original }, at);
    if (result.outcome !== 'rejected') throw new Error('expected a rejection');
    const decoded = decode(result.bytes, null);
    expect(decoded.ok && decoded.encoding).toBe('utf-16le');
    expect(decoded.ok && parseCause(decoded.text)?.problems[0]?.code).toBe('bad-msisdn');
  });

  it('an accepted file is not changed', () => {
    const result = processFile(
      { name: 'x.ready', bytes: new TextEncoder().encode('msisdn,message\n4512345678,hi\n') },
      at,
    );
    expect(result.outcome).toBe('success');
    expect(result.outcome === 'success' && result.verdict.messages).toHaveLength(1);
  });
});

describe('SPEC 9: after the last retry, internal-error', () => {
  it('appends one internal-error problem', () => {
    const bytes = new TextEncoder().encode('msisdn,message\n4512345678,hi\n');
    const out = internalErrorFile({ name: 'x.ready', bytes }, 5, 'queue unwritable', at);
    const cause = parseCause(new TextDecoder().decode(out));
    expect(cause?.problems.map((p) => p.code)).toEqual(['internal-error']);
    expect(cause?.problems[0]?.message).toContain('5 attempts');
  });

  it("in the file's own encoding and line ending (UTF-16, CR LF)", () => {
    const bytes = new Uint8Array(
      iconv.encode('\ufeffmsisdn,message\r\n4512345678,hi\r\n', 'utf-16le'),
    );
    const out = internalErrorFile({ name: 'x.ready', bytes }, 5, 'the server stopped', at);
    expect([...out.subarray(0, bytes.length)]).toEqual([...bytes]);
    const decoded = decode(out, null);
    expect(decoded.ok && decoded.encoding).toBe('utf-16le');
    expect(decoded.ok && decoded.text).toContain(
      '\r\n# REJECTED 2026-11-24T14:00:00Z: 1 problem(s)\r\n',
    );
    expect(decoded.ok && parseCause(decoded.text)?.problems[0]?.code).toBe('internal-error');
  });
});

describe('SPEC 9: an accepted file queued a piece at a time (issue 15)', () => {
  it('gives the same messages as processFile, in pieces that stay small', () => {
    // Windows-1252 with a pending C1 byte (0x80, the euro sign) in every row.
    const rows = Array.from({ length: 20_000 }, (_, i) => `45${20_000_000 + i};Pris \x80${i}`);
    const bytes = new Uint8Array(
      iconv.encode(`msisdn;message\r\n${rows.join('\r\n')}\r\n`, 'latin1'),
    );
    const file = { name: 'x.csv.excel.ready', bytes };
    const whole = processFile(file, at);
    const chunked = processInChunks(file, at);
    if (whole.outcome !== 'success' || chunked.outcome !== 'success')
      throw new Error('expected both accepted');
    const pieces = [...chunked.messageChunks()];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(10_000);
    expect(pieces.flat()).toEqual(whole.verdict.messages);
    expect(pieces.flat()[0]!.message).toBe('Pris €0');
    expect({ ...chunked.verdict, messages: whole.verdict.messages }).toEqual(whole.verdict);
  });

  it('a rejected file: the same bytes as processFile', () => {
    const file = { name: 'x.ready', bytes: new TextEncoder().encode('msisdn,message\n1,hi\n') };
    const chunked = processInChunks(file, at);
    const whole = processFile(file, at);
    expect(chunked.outcome === 'rejected' && whole.outcome === 'rejected').toBe(true);
    expect(chunked.outcome === 'rejected' && [...chunked.bytes]).toEqual(
      whole.outcome === 'rejected' && [...whole.bytes],
    );
  });
});

/** Runs steps to the end, counting the yields between them. */
function runSteps(steps: Generator<void, ProcessedInChunks, void>) {
  let yields = 0;
  let next = steps.next();
  while (!next.done) {
    yields++;
    next = steps.next();
  }
  return { yields, result: next.value };
}

/** What a processing comes to, messages built, for comparing two of them. */
function outcomeOf(processed: ProcessedInChunks) {
  return processed.outcome === 'success'
    ? { ...processed.verdict, messages: [...processed.messageChunks()].flat() }
    : { ...processed.verdict, bytes: Buffer.from(processed.bytes).toString('latin1') };
}

describe('issue 16: the server checks a file a piece at a time, between its clients', () => {
  it('any file, in pieces of any size: the same as processInChunks in one go', () => {
    const cell = fc.oneof(
      fc.constantFrom('4512345678', '45123', 'Hej', 'a"b', '"q;u""o"', '€', ' ', ''),
      fc.string({ maxLength: 4 }),
    );
    const text = fc
      .tuple(
        fc.constantFrom('msisdn;message', 'msisdn;message;sender', 'msisdn\tmessage'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.constantFrom('\r\n', '\n', '\r'),
      )
      .map(([header, rows, newline]) =>
        [header, ...rows.map((row) => row.join(';'))].join(newline),
      );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), fc.boolean(), (body, step, cp1252) => {
        const bytes = cp1252
          ? new Uint8Array(iconv.encode(body, 'windows-1252'))
          : new TextEncoder().encode(body);
        const file = { name: 'x.csv.excel.ready', bytes };
        const { result } = runSteps(processSteps(file, at, {}, step));
        expect(outcomeOf(result)).toEqual(outcomeOf(processInChunks(file, at)));
      }),
      { numRuns: 400 },
    );
  });

  it('yields between pieces: a 3 MiB file at least twice at the default step', () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `45${20_000_000 + i};Hej kunde ${i} ${'x'.repeat(30)}`,
    );
    const bytes = new TextEncoder().encode(`msisdn;message\r\n${rows.join('\r\n')}\r\n`);
    expect(bytes.length).toBeGreaterThan(3 * 2 ** 20);
    const file = { name: 'x.csv.excel.ready', bytes };
    const { yields, result } = runSteps(processSteps(file, at));
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(result.outcome).toBe('success');
    expect(outcomeOf(result)).toEqual(outcomeOf(processInChunks(file, at)));
  });
});

describe('SPEC 2: a file too large is rejected unread (issue 15)', () => {
  it.each([
    ['LF, ending with one', 'msisdn,message\n4512345678,hi\n'],
    ['CR LF, not ending with one', 'msisdn,message\r\n4512345678,hi'],
  ])(
    'the cause from the first bytes and the last, as appendCause writes it (%s)',
    (_what, text) => {
      const bytes = new TextEncoder().encode(text);
      const size = 2_362_232_012;
      const { verdict, cause } = processUnread(
        {
          name: 'big.csv.ready',
          size,
          head: bytes.subarray(0, 20),
          endsWithLf: text.endsWith('\n'),
        },
        at,
      );
      expect(verdict.problems).toEqual([
        expect.objectContaining({
          code: 'too-large',
          message: expect.stringContaining('2,362,232,012 bytes'),
        }),
      ]);
      const expected = appendCause(bytes, { encoding: null, text: null }, verdict.problems, at);
      expect([...cause]).toEqual([...expected.subarray(bytes.length)]);
    },
  );

  it('conflicting modifiers are said first, as for any file', () => {
    const { verdict } = processUnread(
      {
        name: 'big.csv.utf8.cp1252.ready',
        size: 40 << 20,
        head: new Uint8Array(),
        endsWithLf: false,
      },
      at,
    );
    expect(verdict.problems.map((p) => p.code)).toEqual(['conflicting-modifiers']);
  });
});
