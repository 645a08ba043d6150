/**
 * The sample test of README.md ("Testing with Playwright", "A sample test"), copied as it is
 * written into a spec before every run, so that CI runs what a team would copy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const SAMPLE_SPEC = join(ROOT, 'e2e', 'generated', 'readme-sample.spec.ts');

/** The first TypeScript block under "### A sample test". */
export function readmeSample(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): string {
  const section = readme.split('\n### A sample test\n')[1]?.split('\n### ')[0];
  const code = section && /```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!code) throw new Error('README.md has no ```ts block under "### A sample test"');
  return code + '\n';
}

export function writeReadmeSample(): void {
  mkdirSync(join(ROOT, 'e2e', 'generated'), { recursive: true });
  writeFileSync(SAMPLE_SPEC, readmeSample());
}
