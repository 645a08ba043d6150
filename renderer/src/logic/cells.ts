/**
 * A spreadsheet cell as text. Numbers come from the cell's value, not from what Excel shows: a
 * phone number shown as `4.51E+09` is stored as 4512345678, and only the value keeps every digit.
 */

/** The parts of a SheetJS cell this reads: type, value, display text, number format. */
export interface CellLike {
  t: string;
  v?: unknown;
  w?: string;
  z?: unknown;
}

const DATE_FORMAT = /(^|[^"\\])[dmyhs]/i;

/** Whether a number format shows a date or time (so the display text is what people mean). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === 'General') return false;
  // Literal text in quotes and escaped characters are not format codes.
  const codes = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return DATE_FORMAT.test(codes);
}

/** A number as plain digits: never an exponent, never a thousands separator. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  // Up to 15 significant digits is what a spreadsheet stores; trailing zeros are dropped.
  const text = value.toPrecision(15);
  if (!/e/i.test(text)) return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

export function cellText(cell: CellLike | undefined): string {
  if (cell === undefined) return '';
  switch (cell.t) {
    case 'n': {
      if (typeof cell.v !== 'number') return cell.w ?? '';
      if (isDateFormat(cell.z) && cell.w !== undefined) return cell.w;
      // Whole numbers (phone numbers, codes) as every digit; other numbers as shown, so a
      // price formatted `0.00` fills a template as `12.50`.
      if (Number.isInteger(cell.v)) return numberText(cell.v);
      return cell.w ?? numberText(cell.v);
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : (cell.w ?? '');
    case 'b':
      return cell.v === true ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.w ?? (cell.v instanceof Date ? cell.v.toISOString() : '');
    case 'e':
      // An Excel error (#N/A) is shown as Excel shows it, so the person recognises it.
      return cell.w ?? '';
    default:
      return cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  }
}
