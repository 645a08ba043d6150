// @vitest-environment happy-dom
// First run and Settings ask for the account with one component: both say where the password
// is kept, in the UI's language.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { PasswordKeeping } from '../../../core/contract/api';
import { i18n } from '../i18n';
import { AccountFields } from './AccountFields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function shown(kept: PasswordKeeping, hasPassword?: boolean): Promise<HTMLElement> {
  const host = document.createElement('div');
  const typed: string[] = [];
  await act(async () => {
    createRoot(host).render(
      createElement(AccountFields, {
        id: 'a',
        user: 'demo',
        password: '',
        onUser: () => {},
        onPassword: (password) => typed.push(password),
        kept,
        hasPassword,
      }),
    );
  });
  return host;
}

describe('the account fields', () => {
  it('say the password is kept for this run only, or in the keychain', async () => {
    await i18n.changeLanguage('en');
    expect((await shown('this-run')).textContent).toContain('Password kept for this run only');
    expect((await shown('keychain')).textContent).toContain('system keychain');
  });

  it('in Danish too', async () => {
    await i18n.changeLanguage('da');
    expect((await shown('keychain')).textContent).toContain('nøglering');
    await i18n.changeLanguage('en');
  });

  it('label both fields, and show whether a password is set only where that is known', async () => {
    const host = await shown('this-run', true);
    const password = host.querySelector<HTMLInputElement>('#a-password')!;
    expect(host.querySelector('label[for="a-user"]')?.textContent).toBe('User name');
    expect(password.type).toBe('password');
    expect(password.placeholder).toBe('set');
    expect(
      (await shown('this-run')).querySelector<HTMLInputElement>('#a-password')!.placeholder,
    ).toBe('');
  });
});
