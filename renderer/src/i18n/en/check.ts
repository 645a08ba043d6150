/** The words of step 4, checking the messages: the totals and the list of every message. */

export const totals = {
  leftOut: 'Left out',
  cost: 'Estimated cost',
  noCost: '—',
  addPrices: 'Add your price per SMS part in Settings to see what a send costs.',
  heading: '4. Check the messages',
  recipients: 'Recipients',
  parts: 'SMS parts',
  ucs2: 'Messages with special characters',
  errors: 'Messages with problems',
  warnings: 'Warnings',
  chart: 'SMS parts per message',
  chartParts: 'Parts',
  chartMessages: 'Messages',
  bar_one: '{{count, number}} message in {{parts, number}} parts',
  bar_other: '{{count, number}} messages in {{parts, number}} parts',
  barMore: '{{parts, number}}+',
  fixRegion: 'Replace look-alike characters',
  fix_one:
    '{{count, number}} message uses characters like curly quotes or long dashes that make it a special-character message.',
  fix_other:
    '{{count, number}} messages use characters like curly quotes or long dashes that make them special-character messages.',
  saves_one:
    'Replacing them with plain look-alikes saves <strong>{{count, number}} SMS part</strong>.',
  saves_other:
    'Replacing them with plain look-alikes saves <strong>{{count, number}} SMS parts</strong>.',
  replace_one: 'Replace look-alikes (saves {{count, number}} part)',
  replace_other: 'Replace look-alikes (saves {{count, number}} parts)',
  replaced: 'Look-alike characters are replaced.',
  undo: 'Undo',
} as const;

export const preview = {
  heading: 'Every message',
  show: 'Show',
  filters: {
    all: 'all rows in order',
    'problems-first': 'problems first',
    'problems-only': 'only rows with problems',
    'left-out': 'only rows left out',
  },
  table: 'Messages',
  scroller: 'Messages, scroll with the arrow keys',
  sendRow: 'Send row {{row}}',
  columns: {
    send: 'Send',
    row: 'Row',
    number: 'Number',
    message: 'Message',
    encoding: 'Characters used',
    units: 'Length',
    parts: 'Parts',
    problems: 'Problems',
  },
  encodings: { 'GSM-7': 'Standard', 'UCS-2': 'Special' },
  encodingTitles: {
    'GSM-7': 'GSM-7: standard SMS characters',
    'UCS-2': 'UCS-2: special characters, fewer fit in each SMS part',
  },
  typedAs: 'Typed as {{number}}',
  // A no-break space, which looks like any space but forces special characters.
  noBreakSpace: '⍽',
} as const;

/** What the preview warns about that the server would not reject (logic/warnings.ts). */
export const warnings = {
  // The note names what the number is, as the phone-number library tells it, in English.
  'not-mobile': '{{note}}',
  duplicate: 'The number {{number}} is also in row {{row, number}}: the person gets both messages.',
  lookalikes_one:
    '{{characters, list}} makes the message a special-character message: {{before}}, {{after, number}} with plain look-alikes.',
  lookalikes_other:
    '{{characters, list}} make the message a special-character message: {{before}}, {{after, number}} with plain look-alikes.',
  'unknown-placeholder_one':
    'The message names {{names, list}}, which is not a column: correct the name, or the message is sent with it as written.',
  'unknown-placeholder_other':
    'The message names {{names, list}}, which are not columns: correct the names, or the message is sent with them as written.',
} as const;
