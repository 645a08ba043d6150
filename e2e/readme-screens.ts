/**
 * The pictures of the main screens that README.md shows: made by e2e/screens.spec.ts on every
 * end-to-end run, copied to docs/screens/ by `npm run screenshots` (e2e/save-screens.ts).
 */
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Where each end-to-end run leaves them (not committed: they change with every run's times). */
export const MADE_DIR = join(ROOT, 'test-results', 'screens', 'readme');
/** Where the README finds them (committed). */
export const DOCS_DIR = join(ROOT, 'docs', 'screens');
/** One window size, so the pictures line up in the README and stay small. */
export const SCREEN_SIZE = { width: 1280, height: 800 };

export const SCREENS = [
  'first-run',
  'start',
  'preview',
  'confirm',
  'sent',
  'history',
  'inspect',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];
