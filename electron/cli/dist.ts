/**
 * `npm run dist`: electron-builder with signing and notarisation taken from the environment,
 * saying first which of them this build gets. Without the variables the packages are built
 * unsigned, and the output says so and names the variables; electron-builder is told not to
 * pick a signing identity from the keychain by itself, so a build is signed only on purpose.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface SigningPlan {
  /** What the build's output says, a line each. */
  lines: string[];
  /** What electron-builder's environment gets on top of this one's. */
  env: Record<string, string>;
}

const has = (env: NodeJS.ProcessEnv, ...names: string[]) => names.every((name) => !!env[name]);

/** Which of signing and notarisation the packages of `platform` get from `env`. */
export function signingPlan(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): SigningPlan {
  const lines: string[] = [];
  const extra: Record<string, string> = {};
  const unsigned = (what: string, variables: string) => {
    lines.push(`${what}: UNSIGNED (set ${variables} to sign it).`);
    extra.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  };
  if (platform === 'darwin') {
    if (has(env, 'CSC_LINK') || has(env, 'CSC_NAME'))
      lines.push(`macOS app: signed with ${env.CSC_NAME ? `"${env.CSC_NAME}"` : 'CSC_LINK'}.`);
    else unsigned('macOS app', 'CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME');
    if (has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'))
      lines.push('macOS app: notarised with the App Store Connect API key (APPLE_API_KEY).');
    else if (has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'))
      lines.push(`macOS app: notarised with the Apple ID ${env.APPLE_ID}.`);
    else if (has(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'))
      lines.push('macOS app: notarised with the keychain profile APPLE_KEYCHAIN_PROFILE.');
    else
      lines.push(
        'macOS app: NOT NOTARISED (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER; or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID): Gatekeeper will refuse to open it.',
      );
  } else if (platform === 'win32') {
    if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK'))
      lines.push(
        `Windows installer: signed with ${env.WIN_CSC_LINK ? 'WIN_CSC_LINK' : 'CSC_LINK'}.`,
      );
    else unsigned('Windows installer', 'WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD');
  } else {
    lines.push(
      'Linux packages (AppImage, deb): not signed; their checksums are what to publish beside them.',
    );
  }
  return { lines, env: extra };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const plan = signingPlan(process.env, process.platform);
  for (const line of plan.lines) console.log(`sendsheet dist: ${line}`);
  const builder = join(ROOT, 'node_modules', '.bin', 'electron-builder');
  const child = spawn(builder, ['--config', 'electron-builder.yml', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...plan.env },
    shell: process.platform === 'win32',
  });
  child.once('exit', (code) => process.exit(code ?? 1));
}
