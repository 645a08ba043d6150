/** Which characters of a message force it into UCS-2, so the preview can mark them. */
import { isGsm7Char } from '../../../core/segments';

/**
 * The start and end offsets of each character outside GSM-7, flat: [start, end, start, end...].
 * Offsets rather than pieces of text, so the table slices the message once per run of plain
 * text: it renders dozens of rows a frame while scrolling, and a string per character is
 * garbage the collector must clear mid-scroll.
 */
export function ucs2Characters(text: string): number[] {
  const spans: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (!isGsm7Char(codePoint)) spans.push(i, i + width);
    i += width;
  }
  return spans;
}
