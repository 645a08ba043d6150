// Issue 15: signing and notarisation come from the environment, and a build without them says
// so in its output (and does not sign with whatever identity the keychain holds).
import { describe, expect, it } from 'vitest';
import { signingPlan } from './dist';

describe('issue 15: npm run dist says how the packages are signed', () => {
  it('macOS without the variables: unsigned and not notarised, naming the variables', () => {
    const plan = signingPlan({}, 'darwin');
    expect(plan.lines).toEqual([
      'macOS app: UNSIGNED (set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME to sign it).',
      expect.stringMatching(
        /^macOS app: NOT NOTARISED \(set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER;/,
      ),
    ]);
    expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
  });

  it('macOS with a certificate and an API key: signed and notarised, the keychain left alone', () => {
    const plan = signingPlan(
      {
        CSC_LINK: '/secure/cert.p12',
        CSC_KEY_PASSWORD: 'x',
        APPLE_API_KEY: '/secure/key.p8',
        APPLE_API_KEY_ID: 'K',
        APPLE_API_ISSUER: 'I',
      },
      'darwin',
    );
    expect(plan.lines).toEqual([
      'macOS app: signed with CSC_LINK.',
      'macOS app: notarised with the App Store Connect API key (APPLE_API_KEY).',
    ]);
    expect(plan.env).toEqual({});
    // Secrets are never printed.
    expect(plan.lines.join('\n')).not.toMatch(/cert\.p12|key\.p8/);
  });

  it('macOS notarised with an Apple ID needs all three of its variables', () => {
    const partial = signingPlan({ CSC_NAME: 'Dev ID', APPLE_ID: 'a@b.c' }, 'darwin');
    expect(partial.lines[1]).toMatch(/^macOS app: NOT NOTARISED/);
    const whole = signingPlan(
      {
        CSC_NAME: 'Dev ID',
        APPLE_ID: 'a@b.c',
        APPLE_APP_SPECIFIC_PASSWORD: 'p',
        APPLE_TEAM_ID: 'T',
      },
      'darwin',
    );
    expect(whole.lines).toEqual([
      'macOS app: signed with "Dev ID".',
      'macOS app: notarised with the Apple ID a@b.c.',
    ]);
  });

  it('Windows: signed with WIN_CSC_LINK or CSC_LINK, else unsigned and said', () => {
    expect(signingPlan({ WIN_CSC_LINK: 'c.pfx' }, 'win32').lines).toEqual([
      'Windows installer: signed with WIN_CSC_LINK.',
    ]);
    expect(signingPlan({}, 'win32')).toEqual({
      lines: [
        'Windows installer: UNSIGNED (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign it).',
      ],
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    });
  });

  it('Linux: said to be unsigned', () => {
    expect(signingPlan({}, 'linux').lines).toEqual([
      expect.stringMatching(/^Linux packages \(AppImage, deb\): not signed/),
    ]);
  });
});
