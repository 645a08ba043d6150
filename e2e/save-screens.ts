/**
 * `npm run screenshots`, after e2e/screens.spec.ts has run: copies the pictures of the main
 * screens to docs/screens/, where README.md shows them, and says how large they are.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DOCS_DIR, MADE_DIR, SCREENS } from './readme-screens';

await mkdir(DOCS_DIR, { recursive: true });
let total = 0;
for (const name of SCREENS) {
  const made = join(MADE_DIR, `${name}.png`);
  const size = (await stat(made).catch(() => null))?.size;
  if (size === undefined) {
    console.error(
      `${relative(process.cwd(), made)} is missing: e2e/screens.spec.ts did not make it.`,
    );
    process.exit(1);
  }
  await copyFile(made, join(DOCS_DIR, `${name}.png`));
  total += size;
  console.log(
    `${relative(process.cwd(), join(DOCS_DIR, `${name}.png`))}  ${Math.round(size / 1024)} KiB`,
  );
}
console.log(`${SCREENS.length} pictures, ${Math.round(total / 1024)} KiB in all.`);
