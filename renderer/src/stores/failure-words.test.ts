// @vitest-environment happy-dom
// A call that never reached the service, or one the transport refused, is said in the person's
// language like the service's own refusals; its English words stay for Details.
import { beforeEach, describe, expect, it } from 'vitest';
import { toldText } from '../i18n/said-text';
import { httpService } from '../service/client';
import { i18n } from '../i18n';
import { useHistory } from './history';
import { useSending } from './sending';
import { failureTold } from './service';

type Fetch = NonNullable<Parameters<typeof httpService>[1]>;

/** What the page's one service answers with, per test (chosen once, at its first use). */
let fetchNow: Fetch = async () => {
  throw new TypeError('fetch failed');
};
window.sendsheet = httpService('', (url, init) => fetchNow(url, init));

const danish = i18n.getFixedT('da');
const english = i18n.getFixedT('en');

beforeEach(() => {
  useHistory.setState({ error: null });
  useSending.setState({ error: null, errorSaid: null });
});

describe('failures of the transport, in words (issue 14)', () => {
  it('says in Danish that Sendsheet is not answering, keeping the English words', async () => {
    fetchNow = async () => {
      throw new TypeError('fetch failed');
    };
    await useHistory.getState().load();
    const told = useHistory.getState().error!;
    expect(toldText(danish, told)).toBe(
      'Sendsheet svarer ikke: tjek, at programmet stadig kører, og prøv igen.',
    );
    expect(told.error).toMatch(/not answering/);
    expect(toldText(english, told)).toBe(told.error);
  });

  it('says a refused request plainly, with the refusal as the detail', async () => {
    fetchNow = async () =>
      new Response(JSON.stringify({ status: 400, error: 'Bad request to history: x' }), {
        status: 400,
      });
    await useSending.getState().loadProfiles();
    const { error, errorSaid } = useSending.getState();
    expect(errorSaid).toEqual({
      code: 'app.refused',
      values: { detail: 'Bad request to history: x' },
    });
    expect(toldText(danish, { error: error!, said: errorSaid })).toBe(
      'Sendsheet kunne ikke gøre dette. Genindlæs siden, og prøv igen.',
    );
    expect(error).toBe('Sendsheet refused the request: Bad request to history: x');
  });

  it('says a fault of the app itself as something that went wrong, its message the detail', () => {
    const told = failureTold(new RangeError('Invalid array length'));
    expect(told.said).toEqual({ code: 'app.failed', values: { detail: 'Invalid array length' } });
    expect(toldText(danish, told)).toBe(
      'Der gik noget galt i Sendsheet. Prøv igen; sker det igen, så fortæl support, hvad du gjorde.',
    );
    expect(told.error).toBe('Invalid array length');
  });
});
