/**
 * Look-alikes (SPEC section 7): characters that force a message into UCS-2, at up to three
 * times the parts, although a GSM-7 character looks the same or does the same job. They
 * arrive unseen from word processors and web pages (curly quotes, a no-break space, an
 * invisible joiner), so the preview names them and offers to replace them.
 *
 * Only typography is replaced, never a letter: ç is not a look-alike of Ç, nor á of a, since
 * replacing them would change what the message says.
 */
import {
  countSegments,
  countUcs2,
  GSM7_SEPTETS,
  gsm7Segments,
  type SeptetTable,
  type Segments,
} from './segments';

export interface Lookalike {
  /** The character found, e.g. '’'. */
  char: string;
  /** 'U+2019'. */
  codePoint: string;
  /** Its Unicode name in lower case, e.g. 'right single quotation mark'. */
  name: string;
  /** GSM-7 text to use instead: '' for an invisible character, '...' for '…'. */
  replacement: string;
  /** Occurrences in the text. */
  count: number;
}

/** One entry of the look-alike table. */
export type LookalikeRule = Readonly<Omit<Lookalike, 'count'>>;

const APOSTROPHE = "'";
const QUOTE = '"';
const HYPHEN = '-';
const SPACE = ' ';
const REMOVE = '';

/** [code point, Unicode name, replacement]. Every code point is in the BMP. */
const RULES: readonly (readonly [number, string, string])[] = [
  // Single quotes, apostrophes and primes: word processors "smarten" the ASCII apostrophe.
  [0x2018, 'left single quotation mark', APOSTROPHE],
  [0x2019, 'right single quotation mark', APOSTROPHE],
  [0x201a, 'single low-9 quotation mark', APOSTROPHE],
  [0x201b, 'single high-reversed-9 quotation mark', APOSTROPHE],
  [0x2039, 'single left-pointing angle quotation mark', APOSTROPHE],
  [0x203a, 'single right-pointing angle quotation mark', APOSTROPHE],
  [0x2032, 'prime', APOSTROPHE],
  [0x2035, 'reversed prime', APOSTROPHE],
  [0x00b4, 'acute accent', APOSTROPHE],
  [0x0060, 'grave accent', APOSTROPHE],
  [0x02bc, 'modifier letter apostrophe', APOSTROPHE],
  // Double quotes; guillemets are the quotation marks of French, German and Russian text.
  [0x201c, 'left double quotation mark', QUOTE],
  [0x201d, 'right double quotation mark', QUOTE],
  [0x201e, 'double low-9 quotation mark', QUOTE],
  [0x201f, 'double high-reversed-9 quotation mark', QUOTE],
  [0x00ab, 'left-pointing double angle quotation mark', QUOTE],
  [0x00bb, 'right-pointing double angle quotation mark', QUOTE],
  [0x2033, 'double prime', QUOTE],
  [0x2036, 'reversed double prime', QUOTE],
  // Dashes and the minus sign.
  [0x2010, 'hyphen', HYPHEN],
  [0x2011, 'non-breaking hyphen', HYPHEN],
  [0x2012, 'figure dash', HYPHEN],
  [0x2013, 'en dash', HYPHEN],
  [0x2014, 'em dash', HYPHEN],
  [0x2015, 'horizontal bar', HYPHEN],
  [0x2212, 'minus sign', HYPHEN],
  // A bullet starts a list item; '-' is the plain-text list marker.
  [0x2022, 'bullet', HYPHEN],
  [0x2043, 'hyphen bullet', HYPHEN],
  [0x2026, 'horizontal ellipsis', '...'],
  // Spacing accents that Windows-1252 files carry (0x88, 0x98).
  [0x02c6, 'modifier letter circumflex accent', '^'],
  [0x02dc, 'small tilde', '~'],
  // Spaces of other widths; a phone shows them all as a space.
  [0x0009, 'character tabulation (tab)', SPACE],
  [0x00a0, 'no-break space', SPACE],
  [0x2000, 'en quad', SPACE],
  [0x2001, 'em quad', SPACE],
  [0x2002, 'en space', SPACE],
  [0x2003, 'em space', SPACE],
  [0x2004, 'three-per-em space', SPACE],
  [0x2005, 'four-per-em space', SPACE],
  [0x2006, 'six-per-em space', SPACE],
  [0x2007, 'figure space', SPACE],
  [0x2008, 'punctuation space', SPACE],
  [0x2009, 'thin space', SPACE],
  [0x200a, 'hair space', SPACE],
  [0x202f, 'narrow no-break space', SPACE],
  [0x205f, 'medium mathematical space', SPACE],
  [0x3000, 'ideographic space', SPACE],
  // Unicode's own line breaks, pasted from PDFs and web pages.
  [0x2028, 'line separator', '\n'],
  [0x2029, 'paragraph separator', '\n'],
  // Invisible: they show nothing, yet make the whole message UCS-2.
  [0x00ad, 'soft hyphen', REMOVE],
  [0x200b, 'zero width space', REMOVE],
  [0x200c, 'zero width non-joiner', REMOVE],
  [0x200d, 'zero width joiner', REMOVE],
  [0x200e, 'left-to-right mark', REMOVE],
  [0x200f, 'right-to-left mark', REMOVE],
  [0x202a, 'left-to-right embedding', REMOVE],
  [0x202b, 'right-to-left embedding', REMOVE],
  [0x202c, 'pop directional formatting', REMOVE],
  [0x202d, 'left-to-right override', REMOVE],
  [0x202e, 'right-to-left override', REMOVE],
  [0x2060, 'word joiner', REMOVE],
  [0x2066, 'left-to-right isolate', REMOVE],
  [0x2067, 'right-to-left isolate', REMOVE],
  [0x2068, 'first strong isolate', REMOVE],
  [0x2069, 'pop directional isolate', REMOVE],
  [0xfeff, 'zero width no-break space (byte order mark)', REMOVE],
];

/** Names of printable ASCII U+0021-U+007E, for the fullwidth forms U+FF01-U+FF5E. */
const ASCII_PUNCTUATION_NAMES: Readonly<Record<string, string>> = {
  '!': 'exclamation mark',
  '"': 'quotation mark',
  '#': 'number sign',
  $: 'dollar sign',
  '%': 'percent sign',
  '&': 'ampersand',
  "'": 'apostrophe',
  '(': 'left parenthesis',
  ')': 'right parenthesis',
  '*': 'asterisk',
  '+': 'plus sign',
  ',': 'comma',
  '-': 'hyphen-minus',
  '.': 'full stop',
  '/': 'solidus',
  ':': 'colon',
  ';': 'semicolon',
  '<': 'less-than sign',
  '=': 'equals sign',
  '>': 'greater-than sign',
  '?': 'question mark',
  '@': 'commercial at',
  '[': 'left square bracket',
  '\\': 'reverse solidus',
  ']': 'right square bracket',
  '^': 'circumflex accent',
  _: 'low line',
  '`': 'grave accent',
  '{': 'left curly bracket',
  '|': 'vertical line',
  '}': 'right curly bracket',
  '~': 'tilde',
};

const DIGIT_NAMES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

function asciiName(ascii: string): string {
  const code = ascii.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return `digit ${DIGIT_NAMES[code - 0x30]}`;
  if (code >= 0x41 && code <= 0x5a) return `latin capital letter ${ascii.toLowerCase()}`;
  if (code >= 0x61 && code <= 0x7a) return `latin small letter ${ascii}`;
  const name = ASCII_PUNCTUATION_NAMES[ascii];
  if (name === undefined) throw new Error(`no name for ${ascii}`);
  return name;
}

/**
 * The fullwidth forms of ASCII, typed by East Asian input methods, are the ASCII characters.
 * The grave accent is not GSM-7 itself, so its fullwidth form becomes an apostrophe like it.
 */
function fullwidthRules(): (readonly [number, string, string])[] {
  const rules: (readonly [number, string, string])[] = [];
  for (let code = 0x21; code <= 0x7e; code++) {
    const ascii = String.fromCharCode(code);
    const replacement = ascii === '`' ? APOSTROPHE : ascii;
    rules.push([0xff00 + code - 0x20, `fullwidth ${asciiName(ascii)}`, replacement]);
  }
  return rules;
}

function hex(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}

/** The whole table, in the order above, fullwidth forms last. */
export const LOOKALIKE_RULES: readonly LookalikeRule[] = [...RULES, ...fullwidthRules()].map(
  ([codePoint, name, replacement]) =>
    Object.freeze({
      char: String.fromCharCode(codePoint),
      codePoint: hex(codePoint),
      name,
      replacement,
    }),
);

/**
 * Rule index + 1 for every UTF-16 code unit (0 = not a look-alike), so scanning a message is
 * one typed-array read per unit. No rule is a surrogate, so halves of a pair never match.
 */
const RULE_OF_UNIT = new Uint8Array(0x10000);
for (let i = 0; i < LOOKALIKE_RULES.length; i++) {
  RULE_OF_UNIT[(LOOKALIKE_RULES[i] as LookalikeRule).char.charCodeAt(0)] = i + 1;
}

/**
 * What each unit costs in GSM-7 once its look-alike is replaced by one character: a message
 * whose look-alikes are all replaced so is counted in place, with no replaced copy made (a
 * preview of 100,000 messages, each with a dash from a word processor, made 100,000 of them,
 * and counting a joined copy's characters is slow). Such a replacement is one BMP unit for one,
 * never a surrogate, so the units, surrogate pairs and escape pairs, and with them the parts,
 * are those of the replaced text (lookalikes.test.ts compares the two on any text).
 */
const SEPTETS_REPLACED: SeptetTable = (() => {
  const table = GSM7_SEPTETS.slice();
  for (const rule of LOOKALIKE_RULES) {
    if (oneForOne(rule))
      table[rule.char.charCodeAt(0)] = GSM7_SEPTETS[rule.replacement.charCodeAt(0)]!;
  }
  return table;
})();

function oneForOne(rule: LookalikeRule): boolean {
  return rule.replacement.length === 1;
}

/** A found look-alike of the rule numbered `rule` (its index + 1), once so far. */
function lookalikeOf(rule: number): Lookalike {
  const { char, codePoint, name, replacement } = LOOKALIKE_RULES[rule - 1] as LookalikeRule;
  // Written out, not spread: a spread copies by the rule's keys, slower once for every message.
  return { char, codePoint, name, replacement, count: 1 };
}

/** The look-alikes in a text, each once with its count, in order of first appearance. */
export function findLookalikes(text: string): Lookalike[] {
  const found: Lookalike[] = [];
  // Allocated on the first look-alike only: most messages have none.
  let byRule: (Lookalike | undefined)[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const rule = RULE_OF_UNIT[text.charCodeAt(i)] as number;
    if (rule === 0) continue;
    byRule ??= [];
    const seen = byRule[rule];
    if (seen !== undefined) {
      seen.count++;
    } else {
      const entry = lookalikeOf(rule);
      byRule[rule] = entry;
      found.push(entry);
    }
  }
  return found;
}

/** The text with every look-alike replaced; a text without any comes back unchanged. */
export function replaceLookalikes(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const rule = RULE_OF_UNIT[text.charCodeAt(i)] as number;
    if (rule === 0) continue;
    result += text.slice(copiedUpTo, i) + (LOOKALIKE_RULES[rule - 1] as LookalikeRule).replacement;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/**
 * What replacing a message's look-alikes would do. It does not hold the replaced text:
 * `replaceLookalikes` gives it when the person agrees, and a preview of 100,000 rows would
 * otherwise keep every message twice.
 */
export interface LookalikeFix {
  lookalikes: Lookalike[];
  before: Segments;
  after: Segments;
}

/**
 * The replacement worth offering for a message, or null when there is none: when it has no
 * look-alikes, or when other characters keep it UCS-2 anyway. Replacing then would save
 * nothing and could cost: '…' is 1 UCS-2 unit but '...' is 3, and removing a zero width
 * joiner breaks an emoji sequence apart. `after` may still take as many parts as `before`
 * (a short message, or many '…'); the caller shows both.
 */
export function lookalikeFix(message: string): LookalikeFix | null {
  const lookalikes = findLookalikes(message);
  if (lookalikes.length === 0) return null;
  const after = lookalikes.every(oneForOne)
    ? countSegments(message, SEPTETS_REPLACED)
    : countSegments(replaceLookalikes(message));
  if (after.encoding !== 'GSM-7') return null;
  return { lookalikes, before: countSegments(message), after };
}

/**
 * What one read of a unit tells countWithFix: its septets (bits 0-1, 0 for none), its septets
 * once its look-alike is replaced one for one (bits 2-3), whether it is a high surrogate
 * (bit 4), and its look-alike's rule + 1 (bits 8-15, 0 for none). 0: a unit that is neither
 * GSM-7 nor a look-alike, which keeps a message UCS-2 whatever is replaced.
 */
const UNIT_FACTS = (() => {
  const facts = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const highSurrogate = unit >= 0xd800 && unit <= 0xdbff ? 1 : 0;
    facts[unit] =
      GSM7_SEPTETS[unit]! |
      (SEPTETS_REPLACED[unit]! << 2) |
      (highSurrogate << 4) |
      (RULE_OF_UNIT[unit]! << 8);
  }
  return facts;
})();
const HIGH_SURROGATE_FACT = 1 << 4;

/**
 * Which call of countWithFix last found each rule (by its number, index + 1), and where in that
 * call's list: no list indexed by rule is made for each message (V8 keeps one sparse, and
 * slow), and the search for a rule already found stays one read however many kinds a message has.
 */
// Doubles: a count of calls that is exact up to 2 ** 53, so it never comes round again.
const ruleSeenIn = new Float64Array(LOOKALIKE_RULES.length + 1);
const ruleFoundAt = new Uint16Array(LOOKALIKE_RULES.length + 1);
let calls = 0;

/** A message's segments as written, and the look-alike fix on offer for it (lookalikeFix). */
export interface MessageCount {
  segments: Segments;
  fix: LookalikeFix | null;
}

/**
 * countSegments(message) and lookalikeFix(message) in one pass over the message, where they
 * took three or four: a preview counts every row's message, and at Excel's whole sheet those
 * passes were most of its messages' time (bench/PROFILE.md). lookalikes.test.ts compares it
 * with the two on any text.
 */
export function countWithFix(message: string): MessageCount {
  const length = message.length;
  let septets = 0;
  let replacedSeptets = 0;
  /** Some unit is not GSM-7 (as written), or not once replaced one for one. */
  let ucs2 = false;
  let replacedUcs2 = false;
  let highSurrogate = false;
  let found: Lookalike[] | null = null;
  const call = ++calls;
  for (let i = 0; i < length; i++) {
    const facts = UNIT_FACTS[message.charCodeAt(i)]!;
    // Neither GSM-7 nor a look-alike: UCS-2 before and after, so no fix is offered.
    if (facts === 0) return { segments: countUcs2(message), fix: null };
    const cost = facts & 3;
    if (cost === 0) ucs2 = true;
    else septets += cost;
    const replacedCost = (facts >> 2) & 3;
    if (replacedCost === 0) replacedUcs2 = true;
    else replacedSeptets += replacedCost;
    if ((facts & HIGH_SURROGATE_FACT) !== 0) highSurrogate = true;
    const rule = facts >> 8;
    if (rule === 0) continue;
    // As findLookalikes: each look-alike once, in order of first appearance, with its count.
    found ??= [];
    if (ruleSeenIn[rule] === call) found[ruleFoundAt[rule]!]!.count++;
    else {
      ruleSeenIn[rule] = call;
      ruleFoundAt[rule] = found.length;
      found.push(lookalikeOf(rule));
    }
  }
  const segments = ucs2
    ? countUcs2(message, highSurrogate)
    : gsm7Segments(message, GSM7_SEPTETS, 0, length, septets);
  if (found === null) return { segments, fix: null };
  let after: Segments;
  if (!found.every(oneForOne)) after = countSegments(replaceLookalikes(message));
  else if (replacedUcs2) return { segments, fix: null };
  else after = gsm7Segments(message, SEPTETS_REPLACED, 0, length, replacedSeptets);
  if (after.encoding !== 'GSM-7') return { segments, fix: null };
  return { segments, fix: { lookalikes: found, before: segments, after } };
}
