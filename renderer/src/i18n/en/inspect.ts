/** Inspect, the support screen: what the provider's server does with a customer's file. */
export const inspect = {
  heading: 'Inspect a file (for support)',
  intro:
    "Open the file exactly as the customer uploaded it to see what the provider's server does with it.",
  file: 'File',
  as: 'Name on the server',
  asHelp:
    'The modifiers matter: list.csv.excel.ready is read with semicolons. Choosing another file starts from its own name.',
  tooLarge:
    "{{name}} is far above the provider's limit of {{limit, bytes}}; the server rejects it unread.",
  accepted: 'Accepted',
  rejected: 'Rejected',
  summary: 'read as {{encoding}} ({{source}}), {{format}}, {{rows}} ({{skipped}}), {{parts}}.',
  unknownEncoding: 'an unknown encoding',
  sources: {
    detected: 'detected',
    forced: 'named in the file name',
    none: 'not decoded',
  },
  formats: {
    excel: 'Excel format (semicolons)',
    standard: 'standard format (commas)',
  },
  rows_one: '{{count, number}} row',
  rows_other: '{{count, number}} rows',
  skipped_one: '{{count, number}} blank row skipped',
  skipped_other: '{{count, number}} blank rows skipped',
  parts_one: '{{count, number}} SMS part',
  parts_other: '{{count, number}} SMS parts',
  problems_one: '{{count, number}} problem',
  problems_other: '{{count, number}} problems',
  at: {
    row: 'Row {{row}}',
    rowColumn: 'Row {{row}}, column {{column}}',
    column: 'Column {{column}}',
  },
  server: "The provider's words:",
  more: 'The first {{shown, number}} are listed; in all: {{counts, list}}.',
  count: '{{name}}: {{count, number}}',
  rowsHeading: 'The rows as the server reads them',
  rowsHeadingFirst: 'The rows as the server reads them (the first {{count, number}})',
  row: 'Row',
  encoding: 'Encoding',
  parts: 'Parts',
  bytes: 'Bytes {{start, number}} to {{end, number}}; the byte at {{offset, number}} is marked',
  byteTitle: 'Byte {{offset, number}}',
} as const;
