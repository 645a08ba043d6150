import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  countWithFix,
  findLookalikes,
  LOOKALIKE_RULES,
  lookalikeFix,
  replaceLookalikes,
} from './lookalikes';
import { growth, LINEAR_LIMIT } from './growth.test-util';
import { countSegments, isGsm7Char } from './segments';

const isGsm7Text = (text: string): boolean =>
  Array.from(text).every((ch) => isGsm7Char(ch.codePointAt(0) as number));

const ruleFor = (char: string) => LOOKALIKE_RULES.find((rule) => rule.char === char);

describe('SPEC 7 look-alikes: the table', () => {
  it('every look-alike forces UCS-2 and every replacement is GSM-7 text', () => {
    const wrong = LOOKALIKE_RULES.filter(
      (rule) => isGsm7Text(rule.char) || !isGsm7Text(rule.replacement),
    );
    expect(wrong).toEqual([]);
    expect(LOOKALIKE_RULES.length).toBeGreaterThan(100);
  });

  it('each entry is one BMP character, listed once, with its code point and a name', () => {
    const seen = new Set<string>();
    for (const rule of LOOKALIKE_RULES) {
      expect(rule.char).toHaveLength(1);
      const cp = rule.char.charCodeAt(0);
      expect(cp < 0xd800 || cp > 0xdfff).toBe(true);
      expect(rule.codePoint).toBe('U+' + cp.toString(16).toUpperCase().padStart(4, '0'));
      expect(rule.name).toMatch(/^[a-z0-9][a-z0-9 ()-]*$/);
      expect(seen.has(rule.char)).toBe(false);
      seen.add(rule.char);
    }
  });

  it('holds the characters the preview must catch, with the expected replacement', () => {
    const expected: [string, string][] = [
      ['‘', "'"],
      ['’', "'"],
      ['‚', "'"],
      ['‛', "'"],
      ['′', "'"],
      ['´', "'"],
      ['`', "'"],
      ['ʼ', "'"],
      ['“', '"'],
      ['”', '"'],
      ['„', '"'],
      ['‟', '"'],
      ['″', '"'],
      ['«', '"'],
      ['»', '"'],
      ['‐', '-'],
      ['‑', '-'],
      ['‒', '-'],
      ['–', '-'],
      ['—', '-'],
      ['―', '-'],
      ['−', '-'],
      ['•', '-'],
      ['…', '...'],
      ['\u00a0', ' '],
      ['\u202f', ' '],
      ['\u205f', ' '],
      ['\u3000', ' '],
      ['\t', ' '],
      ['\u2028', '\n'],
      ['\u200b', ''],
      ['\u200c', ''],
      ['\u200d', ''],
      ['\u2060', ''],
      ['\u00ad', ''],
      ['\ufeff', ''],
      ['Ａ', 'A'],
      ['ｚ', 'z'],
      ['０', '0'],
      ['！', '!'],
      ['＠', '@'],
      ['｛', '{'],
      ['～', '~'],
      ['｀', "'"],
    ];
    for (let cp = 0x2000; cp <= 0x200a; cp++) expected.push([String.fromCharCode(cp), ' ']);
    for (const [char, replacement] of expected) {
      expect(ruleFor(char)?.replacement, `U+${char.charCodeAt(0).toString(16)}`).toBe(replacement);
    }
  });

  it('names the character the way Unicode does', () => {
    expect(ruleFor('’')).toEqual({
      char: '’',
      codePoint: 'U+2019',
      name: 'right single quotation mark',
      replacement: "'",
    });
    expect(ruleFor('\u00a0')?.name).toBe('no-break space');
    expect(ruleFor('Ａ')?.name).toBe('fullwidth latin capital letter a');
    expect(ruleFor('＼')?.name).toBe('fullwidth reverse solidus');
    expect(ruleFor('９')?.name).toBe('fullwidth digit nine');
  });

  it('covers every fullwidth form of printable ASCII, U+FF01 to U+FF5E', () => {
    for (let cp = 0xff01; cp <= 0xff5e; cp++) {
      expect(ruleFor(String.fromCharCode(cp)), cp.toString(16)).toBeDefined();
    }
  });

  it('letters that are not GSM-7 are not look-alikes: replacing them would change the text', () => {
    for (const char of ['ç', 'á', 'í', 'ó', 'ú', 'ê', 'ł', 'ş', 'α', 'ё', '中', '😀', '©', '·']) {
      expect(ruleFor(char), char).toBeUndefined();
      expect(findLookalikes(char)).toEqual([]);
      expect(replaceLookalikes(char)).toBe(char);
    }
  });
});

describe('SPEC 7 look-alikes: findLookalikes', () => {
  it('finds nothing in an empty or plain GSM-7 message', () => {
    expect(findLookalikes('')).toEqual([]);
    expect(findLookalikes("Hi Anna, it's 20% off {today} - see you!")).toEqual([]);
  });

  it('lists each look-alike once, in order of first appearance, with its count', () => {
    const found = findLookalikes('“Hi” – it’s ‘our’ sale…\u00a0don’t miss it');
    expect(found.map((l) => [l.char, l.count])).toEqual([
      ['“', 1],
      ['”', 1],
      ['–', 1],
      ['’', 3],
      ['‘', 1],
      ['…', 1],
      ['\u00a0', 1],
    ]);
    expect(found[3]).toEqual({
      char: '’',
      codePoint: 'U+2019',
      name: 'right single quotation mark',
      replacement: "'",
      count: 3,
    });
  });

  it('counts a look-alike at the very start and the very end', () => {
    expect(findLookalikes('\ufeffHello\ufeff')).toEqual([
      expect.objectContaining({ codePoint: 'U+FEFF', count: 2, replacement: '' }),
    ]);
  });

  it('never matches half of a surrogate pair', () => {
    expect(findLookalikes('😀👍🏽\ud83d')).toEqual([]);
  });

  it('returns fresh objects: changing one does not change the table or a later result', () => {
    const first = findLookalikes('’');
    (first[0] as { replacement: string }).replacement = 'X';
    expect(findLookalikes('’')[0]?.replacement).toBe("'");
    expect(ruleFor('’')?.replacement).toBe("'");
  });

  it('finds every entry of the table, and nothing else anywhere in the BMP', () => {
    const listed = new Set(LOOKALIKE_RULES.map((rule) => rule.char));
    let all = '';
    for (let cp = 0; cp <= 0xffff; cp++) all += String.fromCharCode(cp);
    const found = findLookalikes(all);
    expect(found.map((l) => l.char).sort()).toEqual([...listed].sort());
    expect(found.every((l) => l.count === 1)).toBe(true);
  });
});

describe('SPEC 7 look-alikes: replaceLookalikes', () => {
  it('replaces every look-alike with its GSM-7 text', () => {
    expect(replaceLookalikes('“Hi” – it’s ‘our’ sale…\u00a0don’t miss it')).toBe(
      `"Hi" - it's 'our' sale... don't miss it`,
    );
  });

  it('removes invisible characters and maps Unicode line breaks to LF', () => {
    expect(replaceLookalikes('\ufeffSo\u00adfa\u200b\u200d\u2060bed\u2028Line two')).toBe(
      'Sofabed\nLine two',
    );
  });

  it('turns fullwidth ASCII into ASCII', () => {
    expect(replaceLookalikes('ＳＡＬＥ　５０％！')).toBe('SALE 50%!');
  });

  it('leaves every character that is not a look-alike alone (whole BMP)', () => {
    const listed = new Set(LOOKALIKE_RULES.map((rule) => rule.char));
    let others = '';
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (!listed.has(String.fromCharCode(cp))) others += String.fromCharCode(cp);
    }
    expect(others.length).toBe(0x10000 - LOOKALIKE_RULES.length);
    expect(replaceLookalikes(others)).toBe(others);
    expect(findLookalikes(others)).toEqual([]);
  });

  it('never changes a message without look-alikes (any text)', () => {
    const listed = new Set(LOOKALIKE_RULES.map((rule) => rule.char));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200, size: 'max' }), (text) => {
        fc.pre(!Array.from(text).some((ch) => listed.has(ch)));
        expect(replaceLookalikes(text)).toBe(text);
      }),
    );
  });

  it('is done in one go: the result has no look-alikes left and replacing again changes nothing', () => {
    const pieces = [...LOOKALIKE_RULES.map((rule) => rule.char), 'a', 'ç', '😀', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 100, size: 'max' }), (list) => {
        const once = replaceLookalikes(list.join(''));
        expect(findLookalikes(once)).toEqual([]);
        expect(replaceLookalikes(once)).toBe(once);
      }),
    );
  });

  it('replaces each occurrence exactly as the table says (same text as a naive rewrite)', () => {
    const replacementOf = new Map(LOOKALIKE_RULES.map((rule) => [rule.char, rule.replacement]));
    const pieces = [...LOOKALIKE_RULES.map((rule) => rule.char), 'a', 'ç', '😀', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 100, size: 'max' }), (list) => {
        const naive = list.map((piece) => replacementOf.get(piece) ?? piece).join('');
        expect(replaceLookalikes(list.join(''))).toBe(naive);
      }),
    );
  });

  it('is linear: a megabyte of look-alikes', () => {
    const text = '’a'.repeat(1 << 19);
    expect(replaceLookalikes(text)).toBe("'a".repeat(1 << 19));
    expect(findLookalikes(text)).toEqual([expect.objectContaining({ char: '’', count: 1 << 19 })]);
  });
});

/**
 * Look-alikes of every kind (one for one, several characters, removed), GSM-7 letters and
 * escape pairs, other characters and surrogates: what the counting properties build texts of.
 */
const MESSAGE_UNITS = [
  ...LOOKALIKE_RULES.map((rule) => rule.char),
  'a',
  'Z',
  ' ',
  '€',
  '[',
  '~',
  'ç',
  'é',
  '\ud83d',
  '\ude00',
  '😀',
];

describe('SPEC 7 look-alikes: the saving', () => {
  const message =
    'Hi Anna! Our “Black Friday” sale starts today – everything’s 50% off until Sunday. ' +
    'Don’t miss it… Reply STOP to opt out.';

  it('a message that becomes GSM-7 drops from UCS-2 parts to GSM-7 parts', () => {
    const before = countSegments(message);
    const after = countSegments(replaceLookalikes(message));
    expect(before).toEqual({ encoding: 'UCS-2', units: message.length, parts: 2 });
    expect(after).toEqual({ encoding: 'GSM-7', units: message.length + 2, parts: 1 });
  });

  it('lookalikeFix names the look-alikes and gives the parts before and after', () => {
    const fix = lookalikeFix(message);
    expect(fix).toEqual({
      lookalikes: findLookalikes(message),
      before: countSegments(message),
      after: countSegments(replaceLookalikes(message)),
    });
    expect(fix?.after.parts).toBeLessThan(fix?.before.parts as number);
  });

  it('a fix can bring a message that is too long in UCS-2 within the limit', () => {
    const long = 'Sale – '.repeat(100); // 700 UCS-2 units: message-too-long
    const fix = lookalikeFix(long);
    expect(fix?.before).toEqual({ encoding: 'UCS-2', units: 700, parts: 11 });
    expect(fix?.after).toEqual({ encoding: 'GSM-7', units: 700, parts: 5 });
  });

  it('offers nothing when there are no look-alikes', () => {
    expect(lookalikeFix('Plain GSM-7 text')).toBeNull();
    expect(lookalikeFix('ça va')).toBeNull();
    expect(lookalikeFix('')).toBeNull();
  });

  it('offers nothing when other characters keep the message UCS-2 (an emoji, a ç)', () => {
    expect(lookalikeFix('It’s here 😀')).toBeNull();
    expect(lookalikeFix('Ça c’est bien, garçon')).toBeNull();
    // Removing the zero width joiner would break the family emoji apart.
    expect(lookalikeFix('Family: 👨\u200d👩\u200d👧')).toBeNull();
  });

  it('counts the replaced message in place exactly as the replaced copy, on any text', () => {
    const plain = (text: string) => {
      const lookalikes = findLookalikes(text);
      if (lookalikes.length === 0) return null;
      const after = countSegments(replaceLookalikes(text));
      if (after.encoding !== 'GSM-7') return null;
      return { lookalikes, before: countSegments(text), after };
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...MESSAGE_UNITS), { maxLength: 400 }),
        fc.array(fc.constantFrom('a', '€', ' '), { maxLength: 300 }),
        (picked, filler) => {
          const text = filler.join('') + picked.join('');
          expect(lookalikeFix(text)).toEqual(plain(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('countWithFix counts and offers the fix exactly as countSegments and lookalikeFix, on any text', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...MESSAGE_UNITS), { maxLength: 400 }).map((list) => list.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
      // Long GSM-7 texts with escape pairs and a look-alike or two: parts laid out by hand.
      fc
        .tuple(
          fc.array(fc.constantFrom('a', '€', ' ', '–', '’'), { minLength: 150, maxLength: 400 }),
          fc.constantFrom('', '😀', 'ç'),
        )
        .map(([list, tail]) => list.join('') + tail),
    );
    fc.assert(
      fc.property(text, (text) => {
        const fix = lookalikeFix(text);
        expect(countWithFix(text)).toEqual({ segments: fix?.before ?? countSegments(text), fix });
      }),
      { numRuns: 3000 },
    );
  });

  it('countWithFix is linear in a message of every kind of look-alike, and counts each kind', () => {
    const every = LOOKALIKE_RULES.map((rule) => rule.char).join('');
    const message = (size: number) => every.repeat(Math.ceil(size / every.length));
    const counted = countWithFix(message(1 << 16));
    const found = findLookalikes(message(1 << 16));
    expect(counted.segments).toEqual(countSegments(message(1 << 16)));
    expect(counted.fix?.lookalikes).toEqual(found);
    expect(growth(message, countWithFix, 1 << 14)).toBeLessThan(LINEAR_LIMIT);
  });

  it('reports the fix even when it saves no part, so the caller can show both', () => {
    const fix = lookalikeFix('Wait…');
    expect(fix?.before).toEqual({ encoding: 'UCS-2', units: 5, parts: 1 });
    expect(fix?.after).toEqual({ encoding: 'GSM-7', units: 7, parts: 1 });
  });
});
