import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check';
import { decode } from '../../core/decode';
import { nodeCheckOptions } from './native-text';

describe("Node's Latin-1 decoder gives core the same text as the web one", () => {
  it('for all 256 bytes, and the same problems for the undefined ones', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decode(all, 'cp1252', nodeCheckOptions.latin1)).toEqual(decode(all, 'cp1252'));
    const defined = all.filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const fast = decode(defined, 'cp1252', nodeCheckOptions.latin1);
    expect(fast.ok && fast.text).toBe(iconv.decode(Buffer.from(defined), 'windows-1252'));
  });
  it('on a subarray of a larger buffer', () => {
    const file = new TextEncoder().encode('xxmsisdn;message\r\n4512345678;caf\u00e9\r\n');
    const bytes = new Uint8Array(
      iconv.encode('xxmsisdn;message\r\n4512345678;café €\r\n', 'windows-1252'),
    ).subarray(2);
    expect(file.length).toBeGreaterThan(0);
    const verdict = checkFile({ name: 'a.excel.ready', bytes }, nodeCheckOptions);
    expect(verdict.messages[0]?.message).toBe('café €');
  });
});
