/** The words of step 4, checking the messages: the totals and the list of every message. */

export const totals = {
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
