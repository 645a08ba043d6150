/** Inspect in Danish (see en/inspect.ts). */
import type { Catalogue } from '../catalogue';

export const inspect: Catalogue['inspect'] = {
  heading: 'Undersøg en fil (til support)',
  intro:
    'Åbn filen præcis, som kunden uploadede den, for at se, hvad udbyderens server gør med den.',
  file: 'Fil',
  as: 'Navn på serveren',
  asHelp:
    'Tilføjelserne i navnet betyder noget: liste.csv.excel.ready læses med semikolon. Vælger du en anden fil, starter den med sit eget navn.',
  tooLarge:
    '{{name}} er langt over udbyderens grænse på {{limit, bytes}}; serveren afviser den ulæst.',
  accepted: 'Godkendt',
  rejected: 'Afvist',
  summary: 'læst som {{encoding}} ({{source}}), {{format}}, {{rows}} ({{skipped}}), {{parts}}.',
  unknownEncoding: 'et ukendt tegnsæt',
  sources: {
    detected: 'fundet ud fra indholdet',
    forced: 'angivet i filnavnet',
    none: 'ikke afkodet',
  },
  formats: {
    excel: 'Excel-format (semikolon)',
    standard: 'standardformat (komma)',
  },
  rows_one: '{{count, number}} række',
  rows_other: '{{count, number}} rækker',
  skipped_one: '{{count, number}} tom række sprunget over',
  skipped_other: '{{count, number}} tomme rækker sprunget over',
  parts_one: '{{count, number}} SMS-del',
  parts_other: '{{count, number}} SMS-dele',
  problems_one: '{{count, number}} problem',
  problems_other: '{{count, number}} problemer',
  at: {
    row: 'Række {{row}}',
    rowColumn: 'Række {{row}}, kolonne {{column}}',
    column: 'Kolonne {{column}}',
  },
  server: 'Udbyderens ord:',
  more: 'De første {{shown, number}} er vist; i alt: {{counts, list}}.',
  count: '{{name}}: {{count, number}}',
  rowsHeading: 'Rækkerne, som serveren læser dem',
  rowsHeadingFirst: 'Rækkerne, som serveren læser dem (de første {{count, number}})',
  row: 'Række',
  encoding: 'Tegnsæt',
  parts: 'Dele',
  bytes: 'Byte {{start, number}} til {{end, number}}; byten ved {{offset, number}} er markeret',
  byteTitle: 'Byte {{offset, number}}',
};
