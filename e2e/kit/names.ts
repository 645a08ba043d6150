/**
 * The UI's test contract: the roles and accessible names the page objects find things by, in
 * both UI languages. Changing one is a breaking change for every team that tests against
 * Sendsheet: README.md's "Testing with Playwright" lists this table (a unit test keeps the two
 * the same, another renders each name from the UI's catalogues and matches it here) and
 * e2e/contract.spec.ts fails when the UI no longer has one.
 *
 * A name is a template: `{n}` stands for a number, `{s}` for English's plural ending and
 * `{one/other}` for a word's two forms, `{file}` for a file's name, `{from}` for the spreadsheet
 * it was made from (`kampagne.xlsx, file `), `{state}` for a batch's state (BATCH_STATES) and
 * `{tags}` for the marks after it.
 */
export type Language = 'en' | 'da';

export interface UiName {
  /**
   * The ARIA role, or `label` for a form control found by its label (the file input). A `term`
   * (a total's name) is found by its text; its figure is the definition after it.
   */
  role: 'heading' | 'label' | 'combobox' | 'term' | 'region' | 'button' | 'dialog' | 'article';
  en: string;
  da: string;
}

export const UI_NAMES = {
  openHeading: { role: 'heading', en: '1. Open a spreadsheet', da: '1. Åbn et regneark' },
  chooseFile: { role: 'label', en: 'Choose a file…', da: 'Vælg en fil…' },
  mapHeading: {
    role: 'heading',
    en: '2. Which column is which?',
    da: '2. Hvilken kolonne er hvad?',
  },
  phoneColumn: { role: 'combobox', en: 'Phone number', da: 'Telefonnummer' },
  messageColumn: { role: 'combobox', en: 'Message column', da: 'Kolonne med beskeden' },
  checkHeading: { role: 'heading', en: '4. Check the messages', da: '4. Tjek beskederne' },
  recipients: { role: 'term', en: 'Recipients', da: 'Modtagere' },
  parts: { role: 'term', en: 'SMS parts', da: 'SMS-dele' },
  specialCharacters: {
    role: 'term',
    en: 'Messages with special characters',
    da: 'Beskeder med specialtegn',
  },
  problems: { role: 'term', en: 'Messages with problems', da: 'Beskeder med problemer' },
  lookalikes: {
    role: 'region',
    en: 'Replace look-alike characters',
    da: 'Erstat tegn med almindelige tegn, der ligner',
  },
  replaceLookalikes: {
    role: 'button',
    en: 'Replace look-alikes (saves {n} part{s})',
    da: 'Erstat tegnene (sparer {n} {del/dele})',
  },
  exportFile: { role: 'button', en: 'Export file{s}', da: 'Eksportér {fil/filer}' },
  send: { role: 'button', en: 'Send…', da: 'Send…' },
  confirmDialog: { role: 'dialog', en: 'Send these messages?', da: 'Send disse beskeder?' },
  confirmSend: {
    role: 'button',
    en: 'Send {n} message{s}',
    da: 'Send {n} {besked/beskeder}',
  },
  batch: { role: 'article', en: 'Batch {from}{file}', da: 'Forsendelse {from}{file}' },
  batchHeading: {
    role: 'heading',
    en: '{from}{file} — {state}{tags}',
    da: '{from}{file} — {state}{tags}',
  },
} as const satisfies Record<string, UiName>;

/** A batch's state as its heading says it (`{state}`), by the state's code. */
export const BATCH_STATES = {
  uploading: { en: 'Uploading', da: 'Uploader' },
  ready: { en: 'Uploaded, waiting for the provider', da: 'Uploadet, venter på udbyderen' },
  processing: { en: 'The provider is checking the file', da: 'Udbyderen tjekker filen' },
  success: { en: 'Accepted: the messages are on their way', da: 'Godkendt: beskederne er på vej' },
  rejected: { en: 'Rejected: nothing was sent', da: 'Afvist: intet blev sendt' },
  failed: { en: 'Not sent', da: 'Ikke sendt' },
  cancelled: { en: 'Cancelled: nothing was sent', da: 'Annulleret: intet blev sendt' },
  unknown: {
    en: 'Not known whether it reached the provider',
    da: 'Det vides ikke, om filen nåede frem til udbyderen',
  },
  'timed-out': {
    en: 'Sent, but the provider has not answered yet',
    da: 'Sendt, men udbyderen har ikke svaret endnu',
  },
  vanished: {
    en: 'The file left the server before it was finished: ask the provider what happened',
    da: 'Filen forsvandt fra serveren, før den var færdig: spørg udbyderen, hvad der skete',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** `success` of a batch sent to the practice server, said so that no one takes it for real. */
export const PRACTICE_SUCCESS = {
  en: 'Accepted by the practice server: no SMS left this computer',
  da: 'Godkendt af øveserveren: ingen SMS forlod denne computer',
} as const satisfies Record<Language, string>;

export type BatchStateCode = keyof typeof BATCH_STATES;

/** The words a batch in `state` shows, practice or not. */
export function stateWords(state: BatchStateCode, language: Language = 'en'): string[] {
  const words: string[] = [BATCH_STATES[state][language]];
  if (state === 'success') words.push(PRACTICE_SUCCESS[language]);
  return words;
}

/** What `{from}` says before a file's name: the spreadsheet it was made from. */
const FROM: Record<Language, string> = { en: ', file ', da: ', fil ' };

/** How numbers are written in each language (the UI formats them with Intl). */
export const NUMBER_LOCALES: Record<Language, string> = { en: 'en-US', da: 'da-DK' };

export type NameKey = keyof typeof UI_NAMES;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The name of `key` in `language` as a pattern matching the whole name, with the given values
 * put in and the placeholders left open matching any. `state` is a state's words, or several.
 */
export function namePattern(
  key: NameKey,
  language: Language = 'en',
  values: { n?: number; file?: string; state?: string | readonly string[] } = {},
): RegExp {
  const template: string = UI_NAMES[key][language];
  const parts = template.split(
    /(\{n\}|\{file\}|\{from\}|\{state\}|\{s\}|\{tags\}|\{[^{}/]*\/[^{}]*\})/,
  );
  const { n } = values;
  const source = parts
    .map((part) => {
      if (part === '{n}')
        return n === undefined ? '[\\d,.]+' : escape(n.toLocaleString(NUMBER_LOCALES[language]));
      if (part === '{file}') return values.file === undefined ? '.+' : escape(values.file);
      // The spreadsheet's name before the file's, when the batch came from one.
      if (part === '{from}')
        return values.file === undefined ? '' : `(?:.+${escape(FROM[language])})?`;
      if (part === '{state}') {
        const { state } = values;
        if (state === undefined) return '.+';
        const words = typeof state === 'string' ? [state] : state;
        return `(?:${words.map(escape).join('|')})`;
      }
      // A batch's marks after its state ("Practice", "Test to your own number"), if any.
      if (part === '{tags}') return '(?: .+)?';
      if (part === '{s}') return n === undefined ? 's?' : n === 1 ? '' : 's';
      const forms = /^\{([^{}/]*)\/([^{}]*)\}$/.exec(part);
      if (forms) {
        const [, one, other] = forms as unknown as [string, string, string];
        if (n === undefined) return `(?:${escape(one)}|${escape(other)})`;
        return escape(n === 1 ? one : other);
      }
      return escape(part);
    })
    .join('');
  return new RegExp(`^${source}$`);
}
