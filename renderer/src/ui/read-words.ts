/** A failed read, and the CSV notes of a read one, in the person's language. */
import type { TFunction } from 'i18next';
import { dialectKind } from '../../../core/dialect-problems';
import type { DialectProblem } from '../../../core/dialect-problems';
import { problemText } from '../i18n/problem-text';
import type { ReadFailure } from '../worker/read-outcome';

/** The one sentence that says what happened and what to do. */
export function failureText(t: TFunction, failure: ReadFailure): string {
  const name = failure.name;
  switch (failure.code) {
    case 'too-large':
    case 'too-many-cells':
      return t(`read.${failure.code}`, { name, limit: failure.limit });
    case 'too-slow':
      return t('read.too-slow', { name, seconds: failure.seconds });
    case 'not-spreadsheet':
      return t('read.not-spreadsheet', { name, what: t(`read.types.${failure.type}`) });
    default:
      return t(`read.${failure.code}`, { name });
  }
}

/**
 * The technical detail behind Details, when there is any: the reader's own words (English, as
 * a program gave them) or the bytes the file begins with.
 */
export function failureDetail(
  t: TFunction,
  failure: ReadFailure,
): { text: string; english: string | null } | null {
  switch (failure.code) {
    case 'not-spreadsheet':
      return { text: t('read.signature', { bytes: failure.signature }), english: null };
    case 'not-text':
      if (failure.problem === null) {
        return { text: t('read.signature', { bytes: failure.signature }), english: null };
      }
      return { text: problemText(t, failure.problem), english: failure.problem.message };
    case 'damaged':
    case 'reader-error':
    case 'not-opened':
      return { text: '', english: failure.detail };
    default:
      return null;
  }
}

export function noteText(t: TFunction, note: DialectProblem): string {
  const text = problemText(t, {
    code: note.code,
    message: note.message,
    column: null,
    values: { kind: dialectKind(note.message) },
  });
  return t('open.noteRow', { row: note.row, text });
}
