/**
 * Core's problems in English, made from their code and values. Each sentence is the one core
 * writes (core/*.ts): problems.test.ts proves it for every code and kind, so the values are
 * enough for the Danish ones too. `bad-encoding`'s `decode` alone says it in plain words; its
 * technical sentence (bytes and offsets) is core's own, shown under Details.
 */
export const problems = {
  'too-large': {
    cut: 'The file is more than 30 MiB; the provider reads files up to 30 MiB ({{limit, number}} bytes): split it into files of {{rows, number}} rows.',
    bytes:
      'The file is {{bytes, number}} bytes; the provider reads files up to 30 MiB ({{limit, number}} bytes): split it into files of {{rows, number}} rows.',
  },
  'conflicting-modifiers': {
    default:
      "The file name has both the utf8 and the cp1252 modifier: keep only the one that names the file's encoding.",
  },
  'bad-encoding': {
    decode:
      'The file cannot be read as {{encoding}} text: the first byte that is not a character in it is byte {{offset, number}}. Save the file again as CSV UTF-8.',
    'lone-surrogate':
      'The text has a broken character (a lone UTF-16 surrogate) that no file encoding can hold: retype it.',
    'not-cp1252':
      'The character {{char}} cannot be written in Windows-1252: choose UTF-8 or automatic encoding.',
  },
  'empty-file': {
    default: 'The file is empty: it needs a header row and at least one message.',
  },
  'tab-delimited': {
    default:
      'The file is tab-delimited, which the provider does not accept: save it as CSV (comma) or as Excel "CSV (Semicolon delimited)" and name it .excel.ready.',
  },
  'bad-line-ending': {
    badLineEnding:
      'A carriage return (CR) without a line feed ends this row: end every row with LF or CR LF.',
  },
  'unclosed-quote': {
    unclosedQuote:
      'A quote (") opens this field and never closes, so the field runs to the end of the file: close it with a quote and double every quote inside it ("").',
  },
  'stray-quote': {
    quoteInUnquoted:
      'A quote (") inside an unquoted field: write the field in quotes and double the quote ("").',
    textAfterQuote:
      'Text after the closing quote of a quoted field: put the whole field in quotes and double every quote inside it ("").',
  },
  'field-count': {
    default_one:
      'The row has {{count}} field but the header has {{header}}: check for a missing or extra "{{delimiter}}", or a message with "{{delimiter}}" that is not in quotes.',
    default_other:
      'The row has {{count}} fields but the header has {{header}}: check for a missing or extra "{{delimiter}}", or a message with "{{delimiter}}" that is not in quotes.',
  },
  'missing-column': {
    blank:
      'The first row is blank, but it must name the columns ({{accepted}}): "{{column}}" is required.',
    absent:
      'The header has no "{{column}}" column, which is required: the first row must name the columns ({{accepted}}).',
  },
  'unknown-column': {
    unknown: 'Unknown column {{name}}: the accepted names are {{accepted}}.',
    'no-name': 'A column has no name: the accepted names are {{accepted}}.',
  },
  'duplicate-column': {
    default: 'The column "{{column}}" appears more than once in the header: keep one.',
  },
  'no-rows': {
    'header-only': 'The file has a header but no messages below it.',
    'no-messages': 'There are no messages.',
  },
  'bad-msisdn': {
    missing: 'The phone number is missing.',
    scientific:
      'The phone number {{value}} is in scientific notation, so Excel has already lost its last digits: format the column as Text (or Number with 0 decimals) in Excel and type the numbers again.',
    prefix:
      'The phone number {{value}} must be digits only with the country code and no "{{prefix}}" in front: write {{digits}}.',
    'not-digits':
      'The phone number {{value}} must be digits only (no spaces, dashes, "+" or letters): 8 to 15 digits with the country code, like 4512345678.',
    'leading-zero':
      'The phone number {{value}} starts with 0: write it with the country code and without leading zeros, like 4512345678.',
    length:
      'The phone number {{value}} has {{length}} digits: it must have 8 to 15, with the country code, like 4512345678.',
  },
  'empty-message': {
    default: 'The message is empty.',
  },
  'message-too-long': {
    gsm7: 'The message needs {{parts}} SMS parts ({{units}} GSM-7 characters): it can have at most {{max}} GSM-7 characters, {{maxParts}} parts.',
    ucs2: 'The message needs {{parts}} SMS parts ({{units}} UCS-2 units): it can have at most {{max}} characters when it uses characters outside GSM-7 (UCS-2), {{maxParts}} parts.',
  },
  'bad-sender': {
    digits: 'The sender {{value}} has {{length}} digits: a number sender has at most 15.',
    'too-long':
      'The sender {{value}} is {{length}} characters long: a text sender has at most 11 (or use up to 15 digits).',
    'no-letter': 'The sender {{value}} needs at least one letter A-Z, or must be digits only.',
    characters:
      'The sender {{value}} may only use A-Z, a-z, 0-9, space and . - _ & + (no letters like æ, ø, å).',
  },
  'bad-class': {
    default:
      'The class {{value}} is not one the provider knows: use standard, premium or secret (lowercase), or leave it empty for standard.',
  },
  'mixed-class': {
    default:
      "This row's class is {{class}} but row {{firstRow}}'s is {{firstClass}}: every message in a file must have the same class, so send them as separate files.",
  },
  'bad-userref': {
    default: 'The reference is {{length}} characters long: it can have at most {{max}}.',
  },
  'internal-error': {
    default:
      'The provider could not process the file after {{attempts}} attempts ({{cause}}); nothing was sent. Upload it again.',
  },
} as const;

/** The hints core adds after an unknown column's sentence. */
export const columnHints = {
  semicolons: 'The header is separated by semicolons: name the file .excel.ready for Excel format.',
  commas:
    'The header is separated by commas: leave .excel out of the name for the standard format.',
  case: 'Names are case-sensitive: write "{{suggestion}}".',
  spaces: 'Remove the spaces around "{{suggestion}}".',
} as const;

/** Each code in a few words, where problems are counted by code. */
export const problemNames = {
  'too-large': 'file too large',
  'conflicting-modifiers': 'conflicting name modifiers',
  'bad-encoding': 'unreadable characters',
  'empty-file': 'empty file',
  'tab-delimited': 'tab-delimited',
  'bad-line-ending': 'bad line ending',
  'unclosed-quote': 'unclosed quote',
  'stray-quote': 'stray quote',
  'field-count': 'wrong number of fields',
  'missing-column': 'missing column',
  'unknown-column': 'unknown column',
  'duplicate-column': 'repeated column',
  'no-rows': 'no messages',
  'bad-msisdn': 'bad phone number',
  'empty-message': 'empty message',
  'message-too-long': 'message too long',
  'bad-sender': 'bad sender',
  'bad-class': 'bad class',
  'mixed-class': 'mixed classes',
  'bad-userref': 'reference too long',
  'internal-error': 'provider error',
} as const;
