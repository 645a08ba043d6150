import { describe, expect, it } from 'vitest';
import { writeExport } from '../../../core/writer';
import { DEFAULT_CAMPAIGN } from './campaign-settings';
import type { Mapping } from './mapping';
import {
  OUTGOING_BYTES_PER_CHARACTER,
  OUTGOING_BYTES_PER_MESSAGE,
  outgoingMessages,
  outgoingNeed,
} from './outgoing';
import { buildPreview } from './preview';
import { byColumn, sampleSheet as sheet } from './preview-test-util';
import { sheetFromRows } from './sheet';

describe('the messages to export or send, from the preview rows (SPEC 6)', () => {
  it("uses the campaign's sender and class where the sheet has none", () => {
    const settings = { ...DEFAULT_CAMPAIGN, sender: 'Shop', messageClass: 'premium' as const };
    const { rows } = buildPreview(sheet, byColumn, settings);
    const { messages } = outgoingMessages(rows);
    expect(messages[0]).toEqual({
      msisdn: '4520123456',
      message: 'Hi Ann, it’s ready',
      sender: 'Shop',
      class: 'premium',
    });
  });

  it("reads sender, reference and class from their columns, the campaign's settings filling blanks", () => {
    const full = sheetFromRows('S', [
      ['Telefon', 'Besked', 'Afsender', 'Ref', 'Klasse'],
      ['4520123456', 'Hej', 'Butik', 'A-1', 'premium'],
      ['4520123457', 'Hej igen', '', '', ''],
    ]);
    const mapping: Mapping = {
      msisdn: 0,
      message: { kind: 'column', column: 1 },
      sender: 2,
      userref: 3,
      class: 4,
    };
    const { rows } = buildPreview(full, mapping, { ...DEFAULT_CAMPAIGN, sender: 'Shop' });
    expect(rows.map((r) => [r.sender, r.userref, r.messageClass, r.message])).toEqual([
      ['Butik', 'A-1', 'premium', 'Hej'],
      ['Shop', '', 'standard', 'Hej igen'],
    ]);
    expect(outgoingMessages(rows).messages).toEqual([
      { msisdn: '4520123456', message: 'Hej', sender: 'Butik', class: 'premium', userref: 'A-1' },
      { msisdn: '4520123457', message: 'Hej igen', sender: 'Shop' },
    ]);
  });

  it('gives messages that core writes without a problem once the rows are clean', () => {
    const clean = sheetFromRows('S', [
      ['msisdn', 'message'],
      ['+45 20 12 34 56', 'Hi'],
      ['20123457', 'Hej'],
    ]);
    const { rows } = buildPreview(
      clean,
      { ...byColumn, message: { kind: 'column', column: 1 } },
      DEFAULT_CAMPAIGN,
    );
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(writeExport(outgoingMessages(rows).messages, { baseName: 'b' }).ok).toBe(true);
  });
});

describe("what the messages would take of the page's heap (issue 16)", () => {
  const rowsOf = (count: number, message: string) =>
    buildPreview(
      sheetFromRows('S', [
        ['Telefon', 'Besked'],
        ...Array.from({ length: count }, (_, i) => [String(4520000000 + i), message]),
      ]),
      {
        msisdn: 0,
        message: { kind: 'column', column: 1 },
        sender: null,
        userref: null,
        class: null,
      },
      DEFAULT_CAMPAIGN,
    ).rows;

  it('is each message and each character of its texts, for the messages sent', () => {
    const rows = rowsOf(10, 'Hej');
    // The number (10 characters) and the message (3).
    const each = OUTGOING_BYTES_PER_MESSAGE + 13 * OUTGOING_BYTES_PER_CHARACTER;
    expect(outgoingNeed(rows, 10)).toBe(10 * each);
    expect(outgoingNeed(rows, 4)).toBe(4 * each);
    expect(outgoingNeed(rows, 0)).toBe(0);
    expect(outgoingNeed(rowsOf(10, 'Hej'.repeat(100)), 10)).toBeGreaterThan(10 * 300 * 4);
  });

  it('reads a thousand rows at most, whatever the sheet', () => {
    const rows = rowsOf(5000, 'Hej');
    let read = 0;
    const counted = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(outgoingNeed(counted, 5000)).toBe(outgoingNeed(rows, 5000));
    expect(read).toBeLessThanOrEqual(1000);
  });
});
