/** The words of the send screen's parts that issue 14 part a converted, and the shared ones. */

export const common = {
  details: 'Details',
  cancel: 'Cancel',
} as const;

/** The language choice in Settings: its label is the same in every language, to be found. */
export const language = {
  label: 'Language / Sprog',
  help: 'Sendsheet follows your system unless you choose a language here.',
  system: 'Same as the system ({{language}})',
  // Each language by its own name, as people look for it.
  en: 'English',
  da: 'Dansk',
} as const;

export const icons = {
  ok: 'OK',
  warning: 'Warning',
  problem: 'Problem',
  success: 'Accepted',
  rejected: 'Rejected',
  uploading: 'Uploading',
  processing: 'Being processed',
  waiting: 'Waiting',
  info: 'Note',
} as const;

export const open = {
  heading: '1. Open a spreadsheet',
  intro:
    'Drop a file anywhere on this window, or choose one: Excel (.xlsx, .xls), OpenDocument (.ods), CSV or text.',
  choose: 'Choose a file…',
  sample: {
    offer: 'No list at hand? Try Sendsheet with a sample of five people, in Danish and English.',
    button: 'Open the sample list',
    // The name the sample is shown and exported under.
    fileName: 'sample-list.csv',
  },
  reading: 'Reading {{name}}…',
  loaded: '{{done, bytes}} of {{total, bytes}} loaded',
  rowsRead_one: '{{count, number}} row read so far',
  rowsRead_other: '{{count, number}} rows read so far',
  progress: 'Progress of reading {{name}}',
  limit: 'Reading stops if it takes more than {{seconds, number}} seconds.',
  limitSoon_one: 'Reading stops in {{count, number}} second unless it is done by then.',
  limitSoon_other: 'Reading stops in {{count, number}} seconds unless it is done by then.',
  stop: 'Stop reading',
  stopped: 'Reading {{name}} was stopped. Choose a file when you are ready.',
  readSpreadsheet: '({{size, bytes}}) read in {{seconds, seconds}}.',
  readText: '({{size, bytes}}, {{encoding}}, {{separator}}) read in {{seconds, seconds}}.',
  separators: {
    comma: 'separated by commas',
    semicolon: 'separated by semicolons',
    tab: 'separated by tabs',
  },
  notes_one: '{{count, number}} thing in the file may not be as intended',
  notes_other: '{{count, number}} things in the file may not be as intended',
  noteRow: 'Row {{row}}: {{text}}',
  sheet: 'Sheet',
  sheetOption_one: '{{name}} ({{count, number}} row)',
  sheetOption_other: '{{name}} ({{count, number}} rows)',
  emptySheet: 'The sheet “{{sheet}}” is empty: choose another sheet above, or open another file.',
  headerOnly:
    'The sheet “{{sheet}}” has column names ({{columns, list}}) but no rows below them: add a row for each person to send to, save the file and open it again.',
} as const;

/** Why a file could not be opened: one sentence with what to do; the detail under Details. */
export const read = {
  'too-large':
    '{{name}} is larger than {{limit, bytes}}, more than Sendsheet reads: split it into smaller files.',
  'too-slow':
    '{{name}} took longer than {{seconds, number}} seconds to read, so reading was stopped. Save it again as CSV, or split it.',
  empty: '{{name}} is empty: there is nothing in it to send. Open the file that holds your list.',
  'not-spreadsheet':
    '{{name}} is {{what}}, not a spreadsheet: open the Excel, OpenDocument or CSV file that holds your list.',
  password:
    '{{name}} is protected with a password, which Sendsheet cannot open: save a copy without the password and open that.',
  unsupported:
    '{{name}} is not a file Sendsheet reads: open an Excel (.xlsx, .xls), OpenDocument (.ods), CSV or text file.',
  'not-text':
    '{{name}} could not be read as text, so it may not be a CSV file: open it in Excel or LibreOffice and save it as CSV UTF-8.',
  damaged:
    '{{name}} could not be read as a spreadsheet, so it may be damaged: open it in Excel or LibreOffice and save it again, or save it as CSV.',
  'too-many-cells':
    '{{name}} has more than {{limit, number}} cells, more than Sendsheet reads: split it into smaller files.',
  'too-large-for-memory':
    '{{name}} is too large for the memory this computer gives Sendsheet: split it into smaller files, or close other programs and browser tabs and try again.',
  'no-sheets':
    '{{name}} has no sheets: open it in Excel or LibreOffice and check that it holds your list.',
  'reader-stopped': '{{name}} could not be read: the reader stopped.',
  'reader-error':
    '{{name}} could not be read: the reader stopped with an error. Try again, or save the file as CSV.',
  outdated:
    'Sendsheet was updated while this page was open: reload the page, then open the file again.',
  'not-opened': '{{name}} could not be opened: check that it is still there and try again.',
  types: {
    png: 'a picture (PNG)',
    jpeg: 'a picture (JPEG)',
    gif: 'a picture (GIF)',
    bmp: 'a picture (BMP)',
    webp: 'a picture (WebP)',
    tiff: 'a picture (TIFF)',
    pdf: 'a PDF document',
    word: 'a Word document',
    powerpoint: 'a PowerPoint presentation',
    'opendocument-text': 'an OpenDocument text',
    'opendocument-presentation': 'an OpenDocument presentation',
    zip: 'a zip archive',
    office: 'an Office document of another kind',
    rtf: 'a rich-text document (RTF)',
  },
  signature: 'The file begins with the bytes {{bytes}}.',
} as const;

export const mapping = {
  heading: '2. Which column is which?',
  intro: 'Sendsheet has guessed from the column names and values. Change anything that is wrong.',
  fields: {
    msisdn: 'Phone number',
    message: 'Message',
    sender: 'Sender',
    userref: 'Reference',
    class: 'Class',
  },
  help: {
    msisdn: 'Any form: +45 12 34 56 78, 0045…, or without country code (see Settings).',
    sender: 'Optional: the name or number the SMS comes from.',
    userref: 'Optional: your own reference for each message.',
    class: 'Optional: standard, premium or secret.',
  },
  chooseColumn: '— choose a column —',
  none: '— none —',
  fromColumn: 'From a column',
  write: "Write a message (use {Column} for each person's own value)",
  messageColumn: 'Message column',
  messageText: 'Message text',
  columns: 'Columns you can use: {{columns}}',
  unknown: 'No column is called {{names, or}}: check the spelling.',
} as const;

/** The live count under the message box, as an SMS calculator shows it. */
export const counter = {
  label: 'Length of the message',
  encoding: {
    gsm7: 'Standard characters',
    ucs2: 'Special characters: fewer fit in each SMS',
  },
  characters_one: '{{count, number}} character',
  characters_other: '{{count, number}} characters',
  parts_one: '{{count, number}} SMS part',
  parts_other: '{{count, number}} SMS parts',
  perPart: 'up to {{count, number}} characters in each part',
  tooLong: 'Too long: a message can have at most {{max, number}} characters.',
  forcing_one: 'This character makes it a special-character message:',
  forcing_other: 'These characters make it a special-character message:',
  forcingTitle: '{{code}} makes this a special-character message',
  example: 'Counted for the first row (row {{row}}); rows with longer values take more.',
  empty: 'Type the message to see how many characters and SMS parts it takes.',
} as const;

export const campaign = {
  heading: '3. Settings for this campaign',
  sender: 'Sender',
  senderPlaceholder: "Your account's default",
  senderHelp: 'Where the sender column is empty. Up to 11 letters or 15 digits.',
  class: 'Class',
  classes: { standard: 'Standard', premium: 'Premium', secret: 'Secret' },
  encoding: 'File encoding',
  encodings: {
    auto: 'Automatic (recommended)',
    utf8: 'Always UTF-8',
    cp1252: 'Always Windows-1252',
  },
  format: 'File format',
  formats: { excel: 'Excel (semicolons)', standard: 'Standard CSV (commas)' },
  rowsPerFile: 'Messages per file',
  rowsHelp: 'The provider recommends {{rows, number}}.',
} as const;

/** The window around the screens. */
export const app = {
  name: 'Sendsheet',
  nav: 'Main',
  screens: {
    send: 'Send a spreadsheet',
    history: 'History',
    inspect: 'Inspect a file',
    settings: 'Settings',
  },
  drop: 'Drop the file to open it',
} as const;

export const settings = {
  heading: 'Settings',
  country: 'Default country',
  countryOption: '{{name}} (+{{code}})',
  countryHelp: 'For numbers written without a country code.',
  sender: 'Default sender',
  profiles: 'Server profiles',
  profile: 'Profile {{name}}',
  server: 'Server {{name}}: {{host}}:{{port}} ({{security}})',
  encrypted: 'encrypted',
  encryptedPinned: 'encrypted, certificate pinned',
  notEncrypted: 'not encrypted',
  user: 'User name',
  password: 'Password',
  passwordSet: 'set',
  passwordInKeychain: 'Kept encrypted in the system keychain.',
  passwordForThisRun: 'Password kept for this run only: give it again after Sendsheet restarts.',
  passwordNotSet: 'not set',
  save: 'Save {{name}}',
  saved: 'Saved.',
  practiceHelp: 'Practice sends nothing to anyone: the messages stay on this computer.',
} as const;

/** The progress of a long piece of work, stage by stage (issue 16): each a bar named by it. */
export const progress = {
  building_one: 'Preparing the list of {{count, number}} row…',
  building_other: 'Preparing the list of {{count, number}} rows…',
  writing: 'Writing the files: {{percent, number}}% done',
  preparing_one: 'Getting {{count, number}} message ready to send…',
  preparing_other: 'Getting {{count, number}} messages ready to send…',
  uploading: 'Uploading file {{file, number}} of {{files, number}}',
  uploadingPercent: 'Uploading file {{file, number}} of {{files, number}}: {{percent, number}}%',
  processing: 'The provider is checking the files: {{done, number}} of {{files, number}} done',
} as const;
