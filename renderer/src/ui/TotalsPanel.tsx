import { useEffect, useRef } from 'react';
import type { Cost } from '../../../core/cost';
import type { Totals } from '../logic/totals';
import { useLocale, useTranslation } from '../i18n';
import { Trans } from 'react-i18next';
import { useCampaign } from '../stores/campaign';
import { formatNumber, money } from './words';

function PartsChart({ histogram }: { histogram: number[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(1, ...histogram);
  let last = histogram.length - 1;
  while (last >= 0 && histogram[last] === 0) last--;
  const shown = histogram.slice(0, Math.max(last + 1, 3));
  return (
    <figure className="chart">
      <figcaption>{t('totals.chart')}</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th>{t('totals.chartParts')}</th>
            <th>{t('totals.chartMessages')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n, i) => (
            <tr key={i}>
              <td>{formatNumber(i + 1, locale)}</td>
              <td>{formatNumber(n, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bars" aria-hidden="true">
        {shown.map((n, i) => (
          <div key={i} className="bar-column" title={t('totals.bar', { count: n, parts: i + 1 })}>
            <span className="bar-value">{formatNumber(n, locale)}</span>
            <div className="bar" style={{ height: `${(n / max) * 60}px` }} />
            <span className="bar-label">
              {i + 1 === histogram.length
                ? t('totals.barMore', { parts: i + 1 })
                : formatNumber(i + 1, locale)}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/**
 * Where the focus goes after Replace or Undo: the button that takes it back. The button pressed
 * is gone from the page, and a focus left on nothing falls to the page's body.
 */
function useFocusAfterToggle(replaced: boolean) {
  const undo = useRef<HTMLButtonElement>(null);
  const replace = useRef<HTMLButtonElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (!pressed.current) return;
    pressed.current = false;
    (replaced ? undo : replace).current?.focus();
  }, [replaced]);
  return { undo, replace, press: () => (pressed.current = true) };
}

export function TotalsPanel({ totals, cost }: { totals: Totals; cost: Cost | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const replaced = useCampaign((state) => state.settings.replaceLookalikes);
  const update = useCampaign((state) => state.update);
  const focus = useFocusAfterToggle(replaced);
  const figure = (n: number) => formatNumber(n, locale);
  return (
    <section aria-labelledby="totals-heading" className="panel totals">
      <h2 id="totals-heading">{t('totals.heading')}</h2>
      <dl className="figures" data-testid="totals">
        <div>
          <dt>{t('totals.recipients')}</dt>
          <dd data-testid="total-recipients">{figure(totals.recipients)}</dd>
        </div>
        <div>
          <dt>{t('totals.parts')}</dt>
          <dd data-testid="total-parts">{figure(totals.parts)}</dd>
        </div>
        <div>
          <dt>{t('totals.ucs2')}</dt>
          <dd data-testid="total-ucs2">{figure(totals.ucs2)}</dd>
        </div>
        <div>
          <dt>{t('totals.errors')}</dt>
          <dd
            data-testid="total-errors"
            className={totals.rowsWithErrors > 0 ? 'error' : undefined}
          >
            {figure(totals.rowsWithErrors)}
          </dd>
        </div>
        <div>
          <dt>{t('totals.warnings')}</dt>
          <dd>{figure(totals.rowsWithWarnings)}</dd>
        </div>
        <div>
          <dt>{t('totals.leftOut')}</dt>
          <dd data-testid="total-left-out">{figure(totals.leftOut)}</dd>
        </div>
        <div>
          <dt>{t('totals.cost')}</dt>
          <dd data-testid="total-cost">{cost ? money(cost, locale) : t('totals.noCost')}</dd>
        </div>
      </dl>
      {cost === null && <p className="note">{t('totals.addPrices')}</p>}
      <PartsChart histogram={totals.partsHistogram} />
      {totals.fixable > 0 && (
        <div className="fix" role="region" aria-label={t('totals.fixRegion')}>
          <p>
            {t('totals.fix', { count: totals.fixable })}{' '}
            <Trans
              i18nKey="totals.saves"
              count={totals.partsSaved}
              components={{ strong: <strong data-testid="parts-saved" /> }}
            />
          </p>
          <button
            ref={focus.replace}
            type="button"
            onClick={() => {
              focus.press();
              update({ replaceLookalikes: true });
            }}
          >
            {t('totals.replace', { count: totals.partsSaved })}
          </button>
        </div>
      )}
      {replaced && (
        <p className="note">
          {t('totals.replaced')}{' '}
          <button
            ref={focus.undo}
            type="button"
            className="link"
            onClick={() => {
              focus.press();
              update({ replaceLookalikes: false });
            }}
          >
            {t('totals.undo')}
          </button>
        </p>
      )}
    </section>
  );
}
