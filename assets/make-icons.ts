/**
 * Makes the app's icons from its drawings (npm run icons): PNGs for Linux and the window
 * (assets/icons/<n>x<n>.png), an .ico for Windows and an .icns for macOS. The small sizes (up to
 * 32 px) come from icon-small.svg, drawn with fewer and bolder lines so they stay readable.
 * The results are committed; run this again after changing a drawing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const ASSETS = import.meta.dirname;
/** What Linux desktops and electron-builder's AppImage and deb look for. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** What Windows shows, from the taskbar's 16 px to the 256 px of large icons. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const SMALL = 32;

async function render(size: number): Promise<Buffer> {
  const drawing = await readFile(join(ASSETS, size <= SMALL ? 'icon-small.svg' : 'icon.svg'));
  const image = new Resvg(drawing, { fitTo: { mode: 'width', value: size } }).render();
  return Buffer.from(image.asPng());
}

/** An .ico of PNG images (Windows Vista and later read PNG entries at every size). */
export function icoOf(images: readonly { size: number; png: Uint8Array }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

async function main(): Promise<void> {
  const pngs = new Map<number, Buffer>();
  await mkdir(join(ASSETS, 'icons'), { recursive: true });
  for (const size of PNG_SIZES) {
    const png = await render(size);
    pngs.set(size, png);
    await writeFile(join(ASSETS, 'icons', `${size}x${size}.png`), png);
  }
  await writeFile(
    join(ASSETS, 'icon.ico'),
    icoOf(ICO_SIZES.map((size) => ({ size, png: pngs.get(size)! }))),
  );
  const icns = png2icons.createICNS(pngs.get(1024)!, png2icons.BICUBIC2, 0);
  if (icns === null) throw new Error('png2icons could not make the .icns');
  await writeFile(join(ASSETS, 'icon.icns'), icns);
  console.log(`icons written to ${ASSETS}`);
}

if (process.argv[1] === import.meta.filename) await main();
