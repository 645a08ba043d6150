/** The English catalogue: the one the keys' types are taken from (i18n/i18next.d.ts). */
import { batch, exported, history } from './batches';
import { preview, totals, warnings } from './check';
import { inspect } from './inspect';
import { columnHints, problemNames, problems } from './problems';
import { campaign, common, counter, icons, language, mapping, open, read } from './ui';

export const en = {
  common,
  language,
  icons,
  open,
  read,
  mapping,
  counter,
  campaign,
  totals,
  preview,
  warnings,
  batch,
  exported,
  history,
  inspect,
  problems,
  columnHints,
  problemNames,
} as const;
