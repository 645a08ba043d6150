// Issue 16: `sendsheet check` reads a large Windows-1252 file a window at a time (a 30 MiB file
// read whole paid 150 ms of page faults for memory the process had never touched). The command
// says exactly what it says of the file read whole, for every kind of large file.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WINDOW_BYTES } from '../../core/byte-window';
import { inspectFile } from '../../core/check';
import { writeVerdictJson } from '../../core/verdict-json';
import { encodeWindows1252Lossy } from '../../core/windows1252';
import { FileReader } from '../base/file-reader';
import { nodeCheckOptions } from '../base/native-text';
import { formatVerdict, WINDOWED_FROM_BYTES } from './check-command';
import { capture } from './cli-test-util';
import { run } from './run';

let dir: string;

/** A campaign of about `bytes` bytes, in Danish, with a few problems. */
function campaign(bytes: number): string {
  const rows = ['msisdn;message;sender'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row =
      i % 997 === 5
        ? `+45${i};Tilbud "${i}";Butik`
        : `45${String(10_000_000 + i)};"Hej ""Søren"", dit tilbud nr. ${i}: 10 € ’";Butik Å`;
    rows.push(row);
    size += row.length + 2;
  }
  return rows.join('\r\n') + '\r\n';
}

const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sendsheet-check-windowed-'));
  const text = campaign(WINDOWED_FROM_BYTES + 1_500_000);
  const cp1252 = encodeWindows1252Lossy(text);
  const undefinedByte = cp1252.slice();
  undefinedByte[undefinedByte.length - 10] = 0x9d;
  files['campaign.csv'] = cp1252;
  files['utf8.csv'] = new TextEncoder().encode(text);
  files['undefined.csv'] = undefinedByte;
  // Only ASCII: valid UTF-8, and its text is its bytes all the same.
  files['ascii.csv'] = new TextEncoder().encode(text.replace(/[^ -~\r\n]/g, 'o'));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
});

async function check(args: string[]) {
  const { io, out } = capture(dir);
  const code = await run(['check', ...args], io);
  return { code, ...out };
}

/** The JSON line of `name`'s bytes checked whole, as the command would write it. */
function wholeJson(file: string, name: string): string {
  const chunks: Uint8Array[] = [];
  writeVerdictJson({ name, bytes: files[file]! }, nodeCheckOptions, (c) => chunks.push(c.slice()), {
    file,
    name,
  });
  return Buffer.concat(chunks).toString('utf8');
}

describe('issue 16: check of a large file, a window at a time', () => {
  it('--json: the same line as the file read whole, for each kind of large file', async () => {
    for (const file of Object.keys(files)) {
      const name = `${file}.excel.ready`;
      const { stdout, stderr } = await check([file, '--as', name, '--json']);
      expect(stderr).toBe('');
      expect(stdout).toBe(wholeJson(file, name));
    }
    const utf8 = JSON.parse(wholeJson('utf8.csv', 'utf8.csv.excel.ready')) as { encoding: string };
    expect(utf8.encoding).toBe('utf-8');
    const bad = JSON.parse(wholeJson('undefined.csv', 'x.excel.ready')) as { problems: unknown[] };
    expect(bad.problems[0]).toMatchObject({ code: 'bad-encoding' });
  });

  it('reads a Windows-1252 or ASCII file a window at a time, never into memory of its size', async () => {
    for (const file of ['campaign.csv', 'ascii.csv']) {
      const read = vi.spyOn(FileReader.prototype, 'read');
      try {
        const { code } = await check([file, '--as', 'c.csv.excel.ready', '--json']);
        expect(code).toBe(1);
        const sizes = read.mock.calls.map(([into]) => into.length);
        const size = files[file]!.length;
        expect(Math.max(...sizes)).toBe(WINDOW_BYTES);
        // Once to check it, once to write its messages out.
        const total = sizes.reduce((sum, n) => sum + n, 0);
        expect(total).toBeGreaterThanOrEqual(2 * size);
        expect(total).toBeLessThan(2.2 * size + 2 * WINDOW_BYTES);
      } finally {
        read.mockRestore();
      }
    }
  });

  it('as text: the same verdict, and a name forcing the encoding honoured', async () => {
    for (const name of ['campaign.csv.excel.ready', 'campaign.csv.excel.cp1252.ready']) {
      const { code, stdout } = await check(['campaign.csv', '--as', name]);
      const inspection = inspectFile({ name, bytes: files['campaign.csv']! }, nodeCheckOptions);
      expect(stdout).toBe(formatVerdict(name, inspection.decision, inspection.ucs2Messages));
      expect(stdout).toMatch(/REJECTED[\s\S]*bad-msisdn/);
      expect(code).toBe(1);
    }
  });
});
