/**
 * Sentences made on the Node side, in the app's language from their code and values
 * (core/contract/said.ts), as problem-text.ts says core's problems. Each value is formatted by
 * the kind the contract's table gives it; a count stays a number, for the plural and the
 * catalogue's own formatter. A code this UI does not know (a newer or older server's) is shown
 * in the English words that came with it.
 */
import type { TFunction } from 'i18next';
import type { BatchState } from '../../../core/contract/api';
import { SAID } from '../../../core/contract/said';
import type { Said, SaidKind, SaidValue } from '../../../core/contract/said';
import { formatBytes, formatDateTime, formatDuration } from '../ui/words';
import { i18n, locale } from '.';

// Keys made from a code are not known to the type checker; that each one exists in both
// catalogues is what said-text.test.ts proves.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** A failure as the Node side tells it: its English words, and the same as data. */
export interface Told {
  error: string;
  said?: Said | null;
}

/** A failure's sentence in the language of `t`. */
export function toldText(t: TFunction, told: Told): string {
  return saidText(t, told.said, told.error);
}

/** The sentence of `said` in the language of `t`, or `english` when it cannot be said. */
export function saidText(t: TFunction, said: Said | null | undefined, english: string): string {
  if (said === null || said === undefined) return english;
  return sentence(t, said) ?? english;
}

function isSaid(value: SaidValue | undefined): value is Said {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sentence(t: TFunction, said: Said): string | null {
  const kinds = (SAID as Record<string, Record<string, SaidKind>>)[said.code];
  if (kinds === undefined) return null;
  // A fixed t (getFixedT, useTranslation's) carries its language.
  const language = (t as { lng?: string }).lng ?? i18n.language;
  const where = locale(language);
  const options: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = said.values?.[name];
    const shown = formatted(t, kind, value, where);
    if (shown === null) return null;
    options[name] = shown;
  }
  const key = `said.${said.code}`;
  if (!i18n.exists(key, { ...options, lng: language })) return null;
  return (t as unknown as LooseT)(key, options);
}

function formatted(
  t: TFunction,
  kind: SaidKind,
  value: SaidValue | undefined,
  where: string,
): string | number | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : null;
    case 'count':
      return typeof value === 'number' ? value : null;
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value, where) : null;
    case 'ms':
      return typeof value === 'number' ? formatDuration(value, where) : null;
    case 'clock':
      return typeof value === 'number'
        ? formatDateTime(value, where, { timeStyle: 'medium' })
        : null;
    case 'state':
      return typeof value === 'string' ? t(`batch.outcomes.${value as BatchState}`) : null;
    case 'said':
      return isSaid(value) ? sentence(t, value) : null;
    case 'failures':
    case 'sentences': {
      if (!Array.isArray(value)) return null;
      const parts = value.map((part) => sentence(t, part));
      if (parts.some((part) => part === null)) return null;
      return parts.join(kind === 'failures' ? '; ' : ' ');
    }
  }
}
