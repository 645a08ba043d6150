// Issue 12: README.md shows the main screens. Every picture it shows is there, says in words what
// it shows, and is one of those e2e/screens.spec.ts makes (at its size), and none is left unused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, SCREEN_SIZE, SCREENS } from './e2e/readme-screens';

const ROOT = import.meta.dirname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Markdown images and HTML <img> tags: their text and where they point. */
function images(markdown: string): { alt: string; src: string }[] {
  const found = [...markdown.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    ([, alt, src]) => ({ alt: alt!, src: src! }),
  );
  for (const [tag] of markdown.matchAll(/<img\b[^>]*>/gi)) {
    found.push({
      alt: /\balt="([^"]*)"/i.exec(tag)?.[1] ?? '',
      src: /\bsrc="([^"]*)"/i.exec(tag)?.[1] ?? '',
    });
  }
  return found;
}

/** A PNG's width and height, from its header; null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('issue 12: the pictures README.md shows', () => {
  const shown = images(README).filter((image) => !/^[a-z]+:/i.test(image.src));

  it('finds Markdown and HTML images', () => {
    expect(
      images('a ![A cat](docs/cat.png "title") b <img alt="A dog" src="dog.png"> ![](x.png)'),
    ).toEqual([
      { alt: 'A cat', src: 'docs/cat.png' },
      { alt: '', src: 'x.png' },
      { alt: 'A dog', src: 'dog.png' },
    ]);
  });

  it('every picture it shows exists, as a PNG, and says in words what it shows', () => {
    expect(shown.length).toBeGreaterThanOrEqual(SCREENS.length);
    for (const { alt, src } of shown) {
      const path = join(ROOT, decodeURI(src));
      expect([src, existsSync(path)]).toEqual([src, true]);
      expect([src, pngSize(readFileSync(path)) !== null]).toEqual([src, true]);
      expect(alt.trim().split(/\s+/).length, `the alt text of ${src}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('shows each main screen, at the size they are made, and nothing in docs/screens goes unused', () => {
    const folder = relative(ROOT, DOCS_DIR);
    const names = shown.map((image) => image.src);
    for (const screen of SCREENS) expect(names).toContain(`${folder}/${screen}.png`);
    for (const file of readdirSync(DOCS_DIR)) {
      expect(names).toContain(`${folder}/${file}`);
      expect([file, pngSize(readFileSync(join(DOCS_DIR, file)))]).toEqual([file, SCREEN_SIZE]);
    }
  });
});
