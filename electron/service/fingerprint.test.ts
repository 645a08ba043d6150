// Issue 13: a send's fingerprint is its messages (number, text, sender, class, reference),
// whatever their order or how they were split into files; a changed message changes it; and a
// partial overlap is counted message by message, repeats included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../core/check';
import { writeExport } from '../../core/writer';
import type { OutgoingMessage } from '../../core/writer';
import { canonical, MessageHashes } from './fingerprint';

const messageArb: fc.Arbitrary<OutgoingMessage> = fc.record(
  {
    msisdn: fc.constantFrom('4512345678', '4512345679', '4920123456', '447700900123'),
    message: fc.string({ minLength: 1, maxLength: 30 }),
    sender: fc.constantFrom('', 'Shop', '12345'),
    class: fc.constantFrom('', 'standard', 'premium'),
    userref: fc.constantFrom('', 'a', 'ref-1'),
  },
  { requiredKeys: ['msisdn', 'message'] },
);

const listArb = fc.array(messageArb, { minLength: 1, maxLength: 40 });

function fingerprintOf(messages: readonly OutgoingMessage[]): string {
  return MessageHashes.of(messages.map(canonical)).fingerprint();
}

/** Splits a list into files of `size`, as the writer does, and takes the files as one campaign. */
function splitFingerprint(messages: readonly OutgoingMessage[], size: number): string {
  const files: MessageHashes[] = [];
  for (let at = 0; at < messages.length; at += size)
    files.push(MessageHashes.of(messages.slice(at, at + size).map(canonical)));
  return MessageHashes.merge(files).fingerprint();
}

describe('the fingerprint of a send', () => {
  it('does not change with the order of the messages', () => {
    fc.assert(
      fc.property(listArb, fc.infiniteStream(fc.nat()), (messages, random) => {
        const shuffled = [...messages];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = random.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(fingerprintOf(shuffled)).toBe(fingerprintOf(messages));
      }),
    );
  });

  it('does not change with how the messages are split into files', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 1, max: 50 }), (messages, size) => {
        expect(splitFingerprint(messages, size)).toBe(fingerprintOf(messages));
      }),
    );
  });

  it('merges any number of files into the very list of all their messages', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 1, max: 50 }), (messages, size) => {
        const files: MessageHashes[] = [];
        for (let at = 0; at < messages.length; at += size)
          files.push(MessageHashes.of(messages.slice(at, at + size).map(canonical)));
        const merged = MessageHashes.merge(files).bytes;
        const plain = MessageHashes.of(messages.map(canonical)).bytes;
        return Buffer.from(merged).equals(Buffer.from(plain));
      }),
    );
    expect(MessageHashes.merge([]).count).toBe(0);
  });

  it('changes when any one field of any one message changes', () => {
    const fields = ['msisdn', 'message', 'sender', 'class', 'userref'] as const;
    fc.assert(
      fc.property(
        listArb,
        fc.nat(),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 5 }),
        (messages, at, field, extra) => {
          const index = at % messages.length;
          const changed = messages.map((m) => ({ ...m }));
          const target = changed[index]!;
          target[field] = `${target[field] ?? ''}${field === 'msisdn' ? '1' : extra}`;
          expect(fingerprintOf(changed)).not.toBe(fingerprintOf(messages));
        },
      ),
    );
  });

  it('a repeated message counts: one message more is another send', () => {
    fc.assert(
      fc.property(listArb, (messages) => {
        expect(fingerprintOf([...messages, messages[0]!])).not.toBe(fingerprintOf(messages));
      }),
    );
  });

  it('is what the provider queues: an empty class is standard, spaces around a number are not part of it', () => {
    expect(fingerprintOf([{ msisdn: ' 4512345678 ', message: 'Hi', class: '' }])).toBe(
      fingerprintOf([{ msisdn: '4512345678', message: 'Hi', class: 'standard', sender: '' }]),
    );
  });

  it('is the same from the messages and from the file written of them, read as the server reads it', () => {
    fc.assert(
      fc.property(listArb, (messages) => {
        // One class for the file (SPEC 6: mixed-class), as the app's files have.
        const ok = messages.map((m) => ({ ...m, class: messages[0]!.class }));
        const written = writeExport(ok, { baseName: 'x', rowsPerFile: 7 });
        fc.pre(written.ok);
        if (!written.ok) return;
        const fromFiles = MessageHashes.merge(
          written.files.map((file) =>
            MessageHashes.of(
              inspectFile({ name: file.uploadName, bytes: file.bytes }).messages().map(canonical),
            ),
          ),
        );
        expect(fromFiles.fingerprint()).toBe(fingerprintOf(ok));
      }),
      { numRuns: 50 },
    );
  });
});

describe('counting the messages two sends share', () => {
  it('is the size of the multiset intersection, whatever the order', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const key = (m: OutgoingMessage) => JSON.stringify(canonical(m));
        const counts = new Map<string, number>();
        for (const m of b) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
        let expected = 0;
        for (const m of a) {
          const left = counts.get(key(m)) ?? 0;
          if (left > 0) {
            expected++;
            counts.set(key(m), left - 1);
          }
        }
        const hashesA = MessageHashes.of(a.map(canonical));
        expect(hashesA.shared(MessageHashes.of(b.map(canonical)))).toBe(expected);
      }),
    );
  });

  it('across several earlier sends, each earlier copy pairs with one message', () => {
    const hi = { msisdn: '4512345678', message: 'Hi' };
    const now = MessageHashes.of([hi, hi, hi].map(canonical));
    const matched = new Uint8Array(now.count);
    expect(now.countIn(MessageHashes.of([canonical(hi)]), matched)).toBe(1);
    expect(now.countIn(MessageHashes.of([canonical(hi)]), matched)).toBe(1);
    expect(now.countIn(MessageHashes.of([hi, hi].map(canonical)), matched)).toBe(1);
    expect(matched).toEqual(new Uint8Array([1, 1, 1]));
  });

  it('reads back from its bytes, and refuses bytes that are not a sorted list', () => {
    const hashes = MessageHashes.of(
      ['1', '2', '3'].map((n) => canonical({ msisdn: `451234567${n}`, message: n })),
    );
    expect(MessageHashes.read(hashes.bytes)?.fingerprint()).toBe(hashes.fingerprint());
    expect(MessageHashes.read(hashes.bytes.subarray(1))).toBeNull();
    const reversed = new Uint8Array(hashes.bytes.length);
    for (let i = 0; i < 3; i++)
      reversed.set(hashes.bytes.subarray(i * 16, i * 16 + 16), (2 - i) * 16);
    expect(MessageHashes.read(reversed)).toBeNull();
  });
});
