import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCause } from './cause';
import { decode } from './decode';
import { internalErrorFile, processFile } from './processing';

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
});
