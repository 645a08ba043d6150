/**
 * The UI's test contract: the roles and accessible names the page objects find things by, in
 * both UI languages. Changing one is a breaking change for every team that tests against
 * Sendsheet: README.md's "Testing with Playwright" lists this table (a unit test keeps the two
 * the same) and e2e/contract.spec.ts fails when the UI no longer has one.
 *
 * A name is a template: `{n}` stands for a number, `{file}` for a file name, `{state}` for a
 * batch's state, `{s}` for a plural ending. Danish names are null until the Danish UI has them.
 */
export type Language = 'en' | 'da';

export interface UiName {
  /**
   * The ARIA role, or `label` for a form control found by its label (the file input). A `term`
   * (a total's name) is found by its text; its figure is the definition after it.
   */
  role: 'heading' | 'label' | 'combobox' | 'term' | 'region' | 'button' | 'dialog' | 'article';
  en: string;
  da: string | null;
}

export const UI_NAMES = {
  openHeading: { role: 'heading', en: '1. Open a spreadsheet', da: null },
  chooseFile: { role: 'label', en: 'Choose a file…', da: null },
  mapHeading: { role: 'heading', en: '2. Which column is which?', da: null },
  phoneColumn: { role: 'combobox', en: 'Phone number', da: null },
  messageColumn: { role: 'combobox', en: 'Message column', da: null },
  checkHeading: { role: 'heading', en: '4. Check the messages', da: null },
  recipients: { role: 'term', en: 'Recipients', da: null },
  parts: { role: 'term', en: 'SMS parts', da: null },
  specialCharacters: {
    role: 'term',
    en: 'Messages with special characters (UCS-2)',
    da: null,
  },
  problems: { role: 'term', en: 'Messages with problems', da: null },
  lookalikes: { role: 'region', en: 'Replace look-alike characters', da: null },
  replaceLookalikes: { role: 'button', en: 'Replace look-alikes (saves {n} part{s})', da: null },
  exportFile: { role: 'button', en: 'Export file{s}', da: null },
  send: { role: 'button', en: 'Send…', da: null },
  confirmDialog: { role: 'dialog', en: 'Send these messages?', da: null },
  confirmSend: { role: 'button', en: 'Send {n} message{s}', da: null },
  batch: { role: 'article', en: 'Batch {file}', da: null },
  batchHeading: { role: 'heading', en: '{file} — {state}{tags}', da: null },
} as const satisfies Record<string, UiName>;

export type NameKey = keyof typeof UI_NAMES;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The name of `key` in `language` as a pattern matching the whole name, with the given values
 * put in and the placeholders left open matching any. Throws for a Danish name not there yet.
 */
export function namePattern(
  key: NameKey,
  language: Language = 'en',
  values: { n?: number; file?: string; state?: string } = {},
): RegExp {
  const template = UI_NAMES[key][language];
  if (template === null)
    throw new Error(`The ${language} name of "${key}" is not in the UI yet (e2e/kit/names.ts).`);
  const parts = template.split(/(\{n\}|\{file\}|\{state\}|\{s\}|\{tags\})/);
  const source = parts
    .map((part) => {
      if (part === '{n}') return values.n === undefined ? '[\\d,.]+' : escape(String(values.n));
      if (part === '{file}') return values.file === undefined ? '.+' : escape(values.file);
      if (part === '{state}') return values.state === undefined ? '\\S+' : escape(values.state);
      // A batch's marks after its state ("Practice", "Test to your own number"), if any.
      if (part === '{tags}') return '(?: .+)?';
      if (part === '{s}') return values.n === undefined ? 's?' : values.n === 1 ? '' : 's';
      return escape(part);
    })
    .join('');
  return new RegExp(`^${source}$`);
}
