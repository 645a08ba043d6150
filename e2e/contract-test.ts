/**
 * The UI's test contract (e2e/kit/names.ts, README "Testing with Playwright"): every role and
 * accessible name the page objects use is there, where a person meets it. A name changed in
 * the UI fails here, naming it: it is a breaking change for every team testing against us.
 * contract.spec.ts runs it in English, contract-da.spec.ts in Danish, each on an app of its own.
 */
import { expect, test, UI_NAMES, namePattern } from 'sendsheet/playwright';
import type { Language, NameKey } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES } from './fixtures';

function located(page: Page, key: NameKey, language: Language) {
  const { role } = UI_NAMES[key];
  const name = namePattern(key, language);
  if (role === 'label') return page.getByLabel(name);
  if (role === 'term') return page.getByRole('term').filter({ hasText: name });
  return page.getByRole(role, { name });
}

const STAGES: { when: string; keys: NameKey[] }[] = [
  { when: 'the app is opened', keys: ['openHeading', 'chooseFile'] },
  {
    when: 'a file with look-alikes is open',
    keys: [
      'mapHeading',
      'phoneColumn',
      'messageColumn',
      'checkHeading',
      'recipients',
      'parts',
      'specialCharacters',
      'problems',
      'lookalikes',
      'replaceLookalikes',
      'exportFile',
      'send',
    ],
  },
  { when: 'Send… is clicked', keys: ['confirmDialog', 'confirmSend'] },
  { when: 'the batch is sent', keys: ['batch', 'batchHeading'] },
];

/** The contract's test in `language`; the spec file chooses the app and the browser's locale. */
export function contractTest(language: Language): void {
  const called = language === 'en' ? 'English' : 'Danish';
  test(`every name of the test contract is in the UI, as ${called} names`, async ({
    page,
    sendsheet,
  }) => {
    expect(STAGES.flatMap((stage) => stage.keys).sort()).toEqual(Object.keys(UI_NAMES).sort());
    const check = async (stage: (typeof STAGES)[number]) => {
      for (const key of stage.keys) {
        await expect(
          located(page, key, language).first(),
          `"${UI_NAMES[key][language]}" (${UI_NAMES[key].role}) when ${stage.when}`,
        ).toBeAttached();
      }
    };
    await sendsheet.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await check(STAGES[0]!);
    await sendsheet.openFile(FIXTURES[0]!);
    await check(STAGES[1]!);
    await sendsheet.sendButton.click();
    await check(STAGES[2]!);
    await sendsheet.confirmDialog
      .getByRole('button', { name: namePattern('confirmSend', language) })
      .click();
    await check(STAGES[3]!);
    await sendsheet.batch().expectState('success');
  });
}
