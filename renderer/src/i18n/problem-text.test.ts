// Issue 14: core's problems are shown in the app's language, made from their code and values.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../../core/problems';
import type { Problem } from '../../../core/problems';
import { en } from './en';
import { i18n } from '.';
import { problemCorpus } from './problem-corpus.test-util';
import { problemKey, problemText } from './problem-text';

const corpus = problemCorpus();
const english = i18n.getFixedT('en');
const danish = i18n.getFixedT('da');

/** Every key of en.problems, plural forms as one: `problems.field-count.default`. */
const KEYS = Object.entries(en.problems).flatMap(([code, kinds]) =>
  [...new Set(Object.keys(kinds).map((kind) => kind.replace(/_(one|other)$/, '')))].map(
    (kind) => `problems.${code}.${kind}`,
  ),
);

// The one sentence said in plainer words than core's: the technical one is under Details.
const PLAIN = new Set(['problems.bad-encoding.decode']);

describe("core's problems in English and Danish (issue 14)", () => {
  it('the corpus has every code, and every sentence of the catalogues', () => {
    expect(new Set(corpus.map((p) => p.code))).toEqual(new Set(PROBLEM_CODES));
    expect(new Set(corpus.map(problemKey))).toEqual(new Set(KEYS));
    const hints = corpus.map((p) => p.values?.hint).filter((hint) => hint !== undefined);
    expect(new Set(hints)).toEqual(new Set(Object.keys(en.columnHints)));
  });

  it.each(corpus.map((p) => [problemKey(p), p] as [string, Problem]))(
    '%s: in English, core’s own words, from the values alone',
    (key, problem) => {
      const text = problemText(english, problem);
      if (PLAIN.has(key)) {
        expect(text).toContain(String(problem.values?.offset));
        expect(text).not.toBe(problem.message);
      } else {
        expect(text).toBe(problem.message);
      }
    },
  );

  it.each(corpus.map((p) => [problemKey(p), p] as [string, Problem]))(
    '%s: in Danish, with every value',
    (_key, problem) => {
      const text = problemText(danish, problem);
      expect(text).not.toBe(problemText(english, problem));
      expect(text).not.toMatch(/{{|}}|problems\.|columnHints\./);
      // Every value core's sentence names, the Danish one names too (kind and hint choose
      // the sentence).
      for (const [name, value] of Object.entries(problem.values ?? {})) {
        if (name === 'kind' || name === 'hint') continue;
        if (!problem.message.includes(String(value))) continue;
        const written = [String(value), value.toLocaleString('da-DK')];
        expect(
          written.some((form) => text.includes(form)),
          `${name}: ${text}`,
        ).toBe(true);
      }
    },
  );

  it('a problem read back from a cause, without values, keeps its English words', () => {
    const problem: Problem = {
      row: 4,
      column: 'msisdn',
      code: 'bad-msisdn',
      message: 'The phone number "12" has 2 digits: it must have 8 to 15.',
    };
    expect(problemText(danish, problem)).toBe(problem.message);
    const named: Problem = { ...problem, column: 'message', code: 'duplicate-column' };
    expect(problemText(danish, named)).toBe(
      'Kolonnen "message" står mere end én gang i overskriften: behold én af dem.',
    );
  });
});
