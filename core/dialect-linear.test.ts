import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { DialectParser } from './dialect';
import type { Delimiter } from './dialect';
import type { DialectProblem } from './dialect-problems';
import { growth, LINEAR_LIMIT } from './growth.test-util';

describe('Linear time: 1 MiB pathological inputs parsed right, in time growing as their size', () => {
  const KiB = 1 << 10;
  const MiB = 1 << 20;

  interface Summary {
    records: number;
    problems: number;
    codes: Set<string>;
    last: { row: number; fields: string[] } | null;
    lastProblem: DialectProblem | null;
  }

  /**
   * Parses in the given chunks into counts and the last record, so that the time is the
   * parser's, not that of keeping a million records alive.
   */
  function summarize(chunks: string[], delimiter: Delimiter = ','): Summary {
    const summary: Summary = {
      records: 0,
      problems: 0,
      codes: new Set(),
      last: null,
      lastProblem: null,
    };
    const parser = new DialectParser(delimiter, {
      record: (fields, row) => {
        summary.records++;
        summary.last = { row, fields };
      },
      problem: (p) => {
        summary.problems++;
        summary.codes.add(p.code);
        summary.lastProblem = p;
      },
    });
    for (const chunk of chunks) parser.push(chunk);
    parser.finish();
    return summary;
  }

  /**
   * Parsing 8 times the input takes about 8 times as long, where quadratic work takes 64; timed
   * from `size` to 8 times that. Both sizes must cost V8 the same per character: a field built
   * of many pieces costs several times more per piece once it outgrows V8's young generation
   * (about 256 Ki pieces), so such inputs are timed from 16 KiB; a record's array of fields
   * costs several times more per field as it grows to tens of thousands (V8's large objects,
   * then the CPU's caches), so a record of many fields is timed from over 40 Ki fields.
   */
  function expectLinear(
    input: (size: number) => string[],
    { size = 32 * KiB, delimiter = ',' }: { size?: number; delimiter?: Delimiter } = {},
  ): void {
    const ratio = growth(input, (chunks) => summarize(chunks, delimiter), size);
    expect(ratio).toBeLessThan(LINEAR_LIMIT);
  }

  it('all quotes: one quoted field of doubled quotes', () => {
    const input = (size: number) => ['"'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.problems).toBe(0);
    expect(result.records).toBe(1);
    expect(result.last?.fields).toEqual(['"'.repeat(MiB / 2 - 1)]);
    expectLinear(input);
  });

  it('all CRs: a record and a bad-line-ending for each', () => {
    const input = (size: number) => ['\r'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.records).toBe(MiB);
    expect(result.problems).toBe(MiB);
    expect(result.lastProblem).toMatchObject({ code: 'bad-line-ending', row: MiB });
    expectLinear(input);
  });

  it('all LFs: an empty record for each', () => {
    const input = (size: number) => ['\n'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.records).toBe(MiB);
    expect(result.last).toEqual({ row: MiB, fields: [''] });
    expectLinear(input);
  });

  it('all delimiters: one record of empty fields', () => {
    const input = (size: number) => [';'.repeat(size)];
    const result = summarize(input(MiB), ';');
    expect(result.records).toBe(1);
    expect(result.last?.fields).toHaveLength(MiB + 1);
    expectLinear(input, { size: 64 * KiB, delimiter: ';' });
  });

  it('one 1 MiB quoted field full of delimiters and line breaks', () => {
    const body = (size: number) => 'a,\r\n'.repeat(size / 4);
    const input = (size: number) => [`"${body(size)}"`];
    const result = summarize(input(MiB));
    expect(result.records).toBe(1);
    expect(result.last).toEqual({ row: 1, fields: [body(MiB)] });
    expectLinear(input);
  });

  it('many "" in one quoted field', () => {
    const pairs = (size: number) => Math.floor(size / 3);
    const input = (size: number) => [`"${'a""'.repeat(pairs(size))}"`];
    const result = summarize(input(MiB));
    expect(result.last?.fields).toEqual(['a"'.repeat(pairs(MiB))]);
    expectLinear(input, { size: 16 * KiB });
  });

  it('stray quotes throughout one unquoted field, and after a closing quote', () => {
    const unquotedInput = (size: number) => ['a"'.repeat(size / 2)];
    const unquoted = summarize(unquotedInput(MiB));
    expect(unquoted.problems).toBe(1);
    expect(unquoted.last?.fields[0]).toHaveLength(MiB);
    expectLinear(unquotedInput);
    const afterCloseInput = (size: number) => [`"a"${'b"'.repeat(size / 2)}`];
    const afterClose = summarize(afterCloseInput(MiB));
    expect(afterClose.problems).toBe(1);
    expect(afterClose.last?.fields[0]).toHaveLength(MiB + 2);
    expectLinear(afterCloseInput);
  });

  it('an unclosed quote followed by 1 MiB of rows', () => {
    const input = (size: number) => [`"${'x,y\r\n'.repeat(size / 5)}`];
    const result = summarize(input(MiB));
    expect(result.lastProblem).toMatchObject({ code: 'unclosed-quote', row: 1, field: 0 });
    expect(result.records).toBe(1);
    expectLinear(input);
  });

  it('alternating quoted and lone CRs, and many empty quoted fields', () => {
    const crsInput = (size: number) => ['"\r"\r'.repeat(size / 4)];
    const crs = summarize(crsInput(MiB));
    expect(crs.records).toBe(MiB / 4);
    expect(crs.problems).toBe(MiB / 4);
    expect(crs.last).toEqual({ row: MiB / 4, fields: ['\r'] });
    expectLinear(crsInput);
    const fields = (size: number) => Math.floor(size / 3);
    const emptiesInput = (size: number) => ['"",'.repeat(fields(size))];
    const empties = summarize(emptiesInput(MiB));
    expect(empties.last?.fields).toHaveLength(fields(MiB) + 1);
    expectLinear(emptiesInput, { size: 128 * KiB });
  });

  it('a 1 MiB field pushed one character at a time, quoted and unquoted', () => {
    for (const quote of ['', '"']) {
      const input = (size: number) => [quote, ...Array.from({ length: size }, () => 'a'), quote];
      const result = summarize(input(MiB));
      expect(result.problems).toBe(0);
      expect(result.last?.fields).toEqual(['a'.repeat(MiB)]);
      expectLinear(input, { size: 16 * KiB });
    }
  });

  it('1 MiB of rows pushed one character at a time', () => {
    const row = 'a,"b""c"\r\n';
    const rows = (size: number) => Math.floor(size / row.length);
    const input = (size: number) => Array.from(row.repeat(rows(size)));
    const result = summarize(input(MiB));
    expect(result.records).toBe(rows(MiB));
    expect(result.last).toEqual({ row: rows(MiB), fields: ['a', 'b"c'] });
    expectLinear(input);
  });
});

describe('Linear time once V8 has optimized the parser for quoted and unquoted fields', () => {
  it('parses unquoted rows in linear time after many quoted ones', () => {
    // With both kinds of field hot, V8 once merged two identical quote searches into one run
    // from every position: a million characters of these rows took seconds. Whether the
    // optimizer does that depends on timing, so a fresh Node that optimizes on its main thread
    // (deterministic) runs it.
    const url = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
    const script = `
      const { DialectParser } = await import(${url('./dialect.ts')});
      const { growth } = await import(${url('./growth.test-util.ts')});
      const count = (text) => {
        let records = 0;
        const parser = new DialectParser(',', { record: () => records++, problem() {} });
        parser.push(text);
        parser.finish();
        return records;
      };
      const quoted = 'msisdn,"Hello, ""you""",x\\r\\n'.repeat(10000);
      for (let warm = 0; warm < 20; warm++) count(quoted);
      const rows = (size) => 'a,b\\r\\n'.repeat(size);
      const records = count(rows(200000));
      const ratio = growth(rows, count, 30_000);
      console.log(JSON.stringify({ records, ratio }));
    `;
    const output = execFileSync(
      process.execPath,
      ['--no-concurrent-recompilation', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const { records, ratio } = JSON.parse(output) as { records: number; ratio: number };
    expect(records).toBe(200_000);
    expect(ratio).toBeLessThan(LINEAR_LIMIT);
  });
});
