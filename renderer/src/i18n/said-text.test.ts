// Issue 14: every sentence the Node side can make has its words in both languages, with the
// values its code carries, and is said in the UI's language.
import { describe, expect, it } from 'vitest';
import { SAID, said } from '../../../core/contract/said';
import type { Said, SaidCode, SaidKind, SaidValue } from '../../../core/contract/said';
import { da } from './da';
import { en } from './en';
import { saidText } from './said-text';
import { i18n } from '.';

const CODES = Object.keys(SAID) as SaidCode[];
const KINDS = SAID as Record<string, Record<string, SaidKind>>;

/** A value of each kind, for a sentence to be said with. */
function sample(kind: SaidKind): SaidValue {
  switch (kind) {
    case 'text':
      return 'x';
    case 'count':
      return 2;
    case 'bytes':
      return 30 * 1024 * 1024;
    case 'ms':
      return 2500;
    case 'clock':
      return Date.UTC(2026, 10, 29, 13, 3, 12);
    case 'state':
      return 'processing';
    case 'said':
      return said('reason.refused-connection');
    case 'failures':
    case 'sentences':
      return [said('server.failed', { server: 'A', reason: said('reason.stopped-answering') })];
  }
}

function sampleOf(code: SaidCode): Said {
  const values = Object.fromEntries(
    Object.entries(KINDS[code]!).map(([name, kind]) => [name, sample(kind)]),
  );
  return { code, values };
}

/** The catalogue's words of a code: its plural forms when it has a count. */
function wordsOf(catalogue: typeof en | typeof da, code: SaidCode): string[] {
  const [group, name] = code.split('.') as [string, string];
  const sentences = (catalogue.said as Record<string, Record<string, string>>)[group]!;
  if ('count' in KINDS[code]!) return [sentences[`${name}_one`]!, sentences[`${name}_other`]!];
  return [sentences[name]!];
}

describe('the Node side’s sentences (core/contract/said.ts)', () => {
  it('have words in both languages for every code, naming only the values the code carries', () => {
    expect(CODES.length).toBeGreaterThan(60);
    for (const code of CODES) {
      for (const catalogue of [en, da]) {
        for (const words of wordsOf(catalogue, code)) {
          expect(words, code).toBeTruthy();
          const named = [...words.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]);
          for (const name of named) expect(Object.keys(KINDS[code]!), code).toContain(name);
        }
      }
    }
  });

  it('are said whole in either language, every value put in', () => {
    for (const language of ['en', 'da'] as const) {
      const t = i18n.getFixedT(language);
      for (const code of CODES) {
        const text = saidText(t, sampleOf(code), 'ENGLISH');
        expect(text, `${language} ${code}`).not.toBe('ENGLISH');
        expect(text, `${language} ${code}`).not.toMatch(/{{|}}|undefined|\[object/);
      }
    }
  });

  it('say a failover in Danish, the reason a sentence of its own', () => {
    const note = said('note.failover', {
      left: 'A',
      reason: said('reason.refused-connection'),
      using: 'B',
    });
    expect(saidText(i18n.getFixedT('da'), note, 'Server A ...')).toBe(
      'Server A afviste forbindelsen; bruger server B i stedet.',
    );
    expect(saidText(i18n.getFixedT('en'), note, 'Server A ...')).toBe(
      'Server A refused the connection; using server B.',
    );
  });

  it('format numbers, sizes, durations and states for the language', () => {
    const da = i18n.getFixedT('da');
    const refused = said('send.would-reject', { file: 'liste.csv.ready', count: 1234 });
    expect(saidText(da, said('send.nothing-sent', { why: refused }), '')).toBe(
      'Intet blev sendt: udbyderen ville afvise liste.csv.ready (1.234 problemer).',
    );
    expect(saidText(da, said('send.messages-have-problems', { count: 1 }), '')).toBe(
      'Intet blev sendt: beskederne har 1 problem.',
    );
    expect(saidText(da, said('export.too-large-for-memory', { count: 1048575 }), '')).toBe(
      'Intet blev eksporteret: denne computer giver ikke Sendsheet hukommelse nok til at skrive 1.048.575 beskeder. Del regnearket op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
    );
    const waiting = said('note.trying-again', {
      server: 'B',
      reason: said('reason.refused-connection'),
      wait: 2500,
      at: new Date(2026, 10, 29, 14, 3, 12).getTime(),
      giveUpAt: new Date(2026, 10, 29, 14, 8, 7).getTime(),
    });
    expect(saidText(da, waiting, '')).toBe(
      'Server B afviste forbindelsen; prøver igen om 2,5 sekunder, kl. 14.03.12 (giver op kl. 14.08.07).',
    );
    expect(saidText(da, said('retry.not-now', { state: 'success' }), '')).toBe(
      'En forsendelse med status “Godkendt” kan ikke prøves igen.',
    );
    expect(
      saidText(
        i18n.getFixedT('en'),
        said('send.file-too-large', { file: 'a.csv', limit: 30 * 1024 * 1024 }),
        '',
      ),
    ).toBe('a.csv is larger than 30 MB: not sent.');
  });

  it('fall back to the English words for a code this UI does not know (another server’s)', () => {
    const t = i18n.getFixedT('da');
    const newer = { code: 'send.something-new', values: {} } as unknown as Said;
    expect(saidText(t, newer, 'Something new.')).toBe('Something new.');
    // Inside a known sentence too: the whole is then said in English, not half of it.
    const inside = said('send.nothing-sent', { why: newer });
    expect(saidText(t, inside, 'Nothing was sent: something new.')).toBe(
      'Nothing was sent: something new.',
    );
    // A value missing (an older server's) is no sentence either.
    const missing = { code: 'profile.unknown' } as Said;
    expect(saidText(t, missing, 'There is no profile "x".')).toBe('There is no profile "x".');
    expect(saidText(t, null, 'Old words.')).toBe('Old words.');
  });
});
