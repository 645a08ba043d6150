/** The English catalogue: the one the keys' types are taken from (i18n/i18next.d.ts). */
import { batch, exported, history, send } from './batches';
import { preview, totals, warnings } from './check';
import { inspect } from './inspect';
import { confirm, connection, firstRun, leaveOut, ownNumber, practice, prices } from './safety';
import { columnHints, problemNames, problems } from './problems';
import { said } from './said';
import {
  app,
  campaign,
  common,
  settings,
  counter,
  icons,
  language,
  mapping,
  open,
  progress,
  read,
} from './ui';

export const en = {
  common,
  app,
  language,
  icons,
  open,
  read,
  progress,
  mapping,
  counter,
  campaign,
  totals,
  preview,
  warnings,
  batch,
  send,
  exported,
  history,
  inspect,
  settings,
  problems,
  columnHints,
  problemNames,
  said,
  confirm,
  leaveOut,
  prices,
  connection,
  practice,
  ownNumber,
  firstRun,
} as const;
