/** The Danish words of step 4 (see en/check.ts). */
import type { Catalogue } from '../catalogue';

export const totals: Catalogue['totals'] = {
  leftOut: 'Udeladt',
  cost: 'Anslået pris',
  noCost: '—',
  addPrices:
    'Tilføj din pris pr. SMS-del under Indstillinger for at se, hvad en forsendelse koster.',
  heading: '4. Tjek beskederne',
  recipients: 'Modtagere',
  parts: 'SMS-dele',
  ucs2: 'Beskeder med specialtegn',
  errors: 'Beskeder med problemer',
  warnings: 'Advarsler',
  chart: 'SMS-dele pr. besked',
  chartParts: 'Dele',
  chartMessages: 'Beskeder',
  bar_one: '{{count, number}} besked i {{parts, number}} dele',
  bar_other: '{{count, number}} beskeder i {{parts, number}} dele',
  barMore: '{{parts, number}}+',
  fixRegion: 'Erstat tegn med almindelige tegn, der ligner',
  fix_one:
    '{{count, number}} besked bruger tegn som krøllede anførselstegn eller lange tankestreger, der gør den til en besked med specialtegn.',
  fix_other:
    '{{count, number}} beskeder bruger tegn som krøllede anførselstegn eller lange tankestreger, der gør dem til beskeder med specialtegn.',
  saves_one:
    'Erstattes de med almindelige tegn, der ligner, spares <strong>{{count, number}} SMS-del</strong>.',
  saves_other:
    'Erstattes de med almindelige tegn, der ligner, spares <strong>{{count, number}} SMS-dele</strong>.',
  replace_one: 'Erstat tegnene (sparer {{count, number}} del)',
  replace_other: 'Erstat tegnene (sparer {{count, number}} dele)',
  replaced: 'Tegnene er erstattet med almindelige tegn, der ligner.',
  undo: 'Fortryd',
};

export const preview: Catalogue['preview'] = {
  heading: 'Alle beskeder',
  show: 'Vis',
  filters: {
    all: 'alle rækker i rækkefølge',
    'problems-first': 'problemer først',
    'problems-only': 'kun rækker med problemer',
    'left-out': 'kun udeladte rækker',
  },
  table: 'Beskeder',
  scroller: 'Beskeder, rul med piletasterne',
  sendRow: 'Send række {{row}}',
  columns: {
    send: 'Send',
    row: 'Række',
    number: 'Nummer',
    message: 'Besked',
    encoding: 'Tegn brugt',
    units: 'Længde',
    parts: 'Dele',
    problems: 'Problemer',
  },
  encodings: { 'GSM-7': 'Almindelige', 'UCS-2': 'Specialtegn' },
  encodingTitles: {
    'GSM-7': 'GSM-7: almindelige SMS-tegn',
    'UCS-2': 'UCS-2: specialtegn, færre tegn i hver SMS-del',
  },
  typedAs: 'Skrevet som {{number}}',
  noBreakSpace: '⍽',
};

export const warnings: Catalogue['warnings'] = {
  'not-mobile': '{{number}} ser ikke ud til at kunne modtage en SMS: tjek nummeret.',
  duplicate: 'Nummeret {{number}} står også i række {{row, number}}: personen får begge beskeder.',
  lookalikes_one:
    '{{characters, list}} gør beskeden til en besked med specialtegn: {{before}}, {{after, number}} med almindelige tegn, der ligner.',
  lookalikes_other:
    '{{characters, list}} gør beskeden til en besked med specialtegn: {{before}}, {{after, number}} med almindelige tegn, der ligner.',
  'unknown-placeholder_one':
    'Beskeden nævner {{names, list}}, som ikke er en kolonne: ret navnet, ellers sendes beskeden med det, som det står.',
  'unknown-placeholder_other':
    'Beskeden nævner {{names, list}}, som ikke er kolonner: ret navnene, ellers sendes beskeden med dem, som de står.',
};
