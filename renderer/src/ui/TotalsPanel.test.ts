// @vitest-environment happy-dom
// Issue 14: after "Replace look-alikes" the focus fell to the page's body; it goes to the Undo.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cost } from '../../../core/cost';
import type { Totals } from '../logic/totals';
import { i18n } from '../i18n';
import { useCampaign } from '../stores/campaign';
import { TotalsPanel } from './TotalsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const totals: Totals = {
  recipients: 1234,
  parts: 2000,
  ucs2: 2,
  rowsWithErrors: 0,
  rowsWithWarnings: 2,
  duplicates: 0,
  warnings: { 'not-mobile': 0, duplicate: 0, lookalikes: 0, 'unknown-placeholder': 0 },
  leftOut: 1,
  partsHistogram: [1000, 234, 0, 0, 0, 0],
  fixable: 2,
  partsSaved: 3,
};

describe('the totals (issue 14)', () => {
  let root: Root;
  let host: HTMLElement;
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    useCampaign.getState().update({ replaceLookalikes: false });
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = (shown: Totals, cost: Cost | null = null) =>
    act(() => root.render(createElement(TotalsPanel, { totals: shown, cost })));
  const button = (name: RegExp) =>
    [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;

  it('puts the focus on Undo after Replace, and on Replace after Undo', () => {
    render(totals);
    act(() => button(/Replace look-alikes/).click());
    // Replaced, nothing is left to fix: the Replace button is gone.
    render({ ...totals, fixable: 0, partsSaved: 0 });
    expect(document.activeElement?.textContent).toBe('Undo');
    act(() => button(/^Undo$/).click());
    render(totals);
    expect(document.activeElement?.textContent).toMatch(/Replace look-alikes/);
  });

  it('leaves the focus alone when the setting changes some other way', () => {
    render(totals);
    act(() => useCampaign.getState().update({ replaceLookalikes: true }));
    expect(document.activeElement).toBe(document.body);
  });

  it('says its figures in Danish, formatted as Danish', async () => {
    await act(() => i18n.changeLanguage('da'));
    render(totals);
    expect(host.textContent).toContain('Modtagere');
    expect(host.querySelector('[data-testid="total-recipients"]')?.textContent).toBe('1.234');
    expect(host.querySelector('[data-testid="parts-saved"]')?.textContent).toBe('3 SMS-dele');
  });

  // Issue 13 shows the cost: money is written as the chosen language writes it (issue 14).
  it('writes the estimated cost as each language writes money', async () => {
    const cost: Cost = { amount: 1234.5, currency: 'DKK' };
    const shown = () => host.querySelector('[data-testid="total-cost"]')?.textContent;
    render(totals, cost);
    expect(shown()?.replace(/\s/g, ' ')).toBe('DKK 1,234.50');
    expect(host.textContent).toContain('Left out');
    await act(() => i18n.changeLanguage('da'));
    render(totals, cost);
    expect(shown()?.replace(/\s/g, ' ')).toBe('1.234,50 kr.');
    expect(host.textContent).toContain('Udeladt');
    expect(host.querySelector('[data-testid="total-left-out"]')?.textContent).toBe('1');
  });
});
