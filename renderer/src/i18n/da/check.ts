/** The Danish words of step 4 (see en/check.ts). */
import type { Catalogue } from '../catalogue';

export const totals: Catalogue['totals'] = {
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
