import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { profileName } from './profile-name';

describe("a profile's name", () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it("says the practice profile in the app's language, and keeps a provider's own name", async () => {
    const practice = { name: 'Practice on this computer', practice: true };
    const provider = { name: 'GatewayAPI', practice: false };
    await i18n.changeLanguage('en');
    expect(profileName(i18n.t, practice)).toBe('Practice on this computer');
    await i18n.changeLanguage('da');
    expect(profileName(i18n.t, practice)).toBe('Øvelse på denne computer');
    expect(profileName(i18n.t, provider)).toBe('GatewayAPI');
  });
});
