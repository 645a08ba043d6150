/**
 * What a file is, from its first bytes: people drop pictures, PDFs and Word documents too, and
 * a PNG named `.txt` should be called a picture, not text with a bad byte at offset 29. Zip and
 * OLE2 containers hold both spreadsheets and other documents, so their contents decide.
 */

/** Kinds of file that are not spreadsheets, as read.types in the catalogues names them. */
export type OtherFileType =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'bmp'
  | 'webp'
  | 'tiff'
  | 'pdf'
  | 'rtf'
  | 'word'
  | 'powerpoint'
  | 'opendocument-text'
  | 'opendocument-presentation'
  | 'zip'
  | 'office';

export type Sniffed =
  { kind: 'other'; type: OtherFileType } | { kind: 'zip' } | { kind: 'ole' } | { kind: 'unknown' };

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Signatures that say a file is not a spreadsheet, whatever its name. */
const SIGNATURES: { type: OtherFileType; bytes: readonly number[]; at?: number }[] = [
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'gif', bytes: ascii('GIF87a') },
  { type: 'gif', bytes: ascii('GIF89a') },
  { type: 'pdf', bytes: ascii('%PDF-') },
  { type: 'webp', bytes: ascii('WEBP'), at: 8 },
  { type: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'rtf', bytes: ascii('{\\rtf') },
  { type: 'bmp', bytes: ascii('BM') },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, OLE2)) return { kind: 'ole' };
  for (const { type, bytes: signature, at } of SIGNATURES) {
    // A BMP's "BM" is also how a CSV of bare text could begin: the size after it must agree.
    if (type === 'bmp' && !isBmp(bytes)) continue;
    if (type === 'webp' && !startsWith(bytes, ascii('RIFF'))) continue;
    if (startsWith(bytes, signature, at)) return { kind: 'other', type };
  }
  return { kind: 'unknown' };
}

function isBmp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('BM')) || bytes.length < 26) return false;
  const size = bytes[2]! | (bytes[3]! << 8) | (bytes[4]! << 16) | (bytes[5]! << 24);
  return size === bytes.length;
}

/** The first bytes as hex, for the Details of a file that is not a spreadsheet. */
export function signatureOf(bytes: Uint8Array, count = 8): string {
  return [...bytes.subarray(0, count)]
    .map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'))
    .join(' ');
}

export interface ZipEntry {
  name: string;
  /** Its size unpacked, as the directory says (0xFFFFFFFF: a zip64 size, 4 GiB or more). */
  unpacked: number;
}

/**
 * The files in a zip archive, from its central directory at the end; null when that cannot be
 * read (then the reader is left to try the file).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes and may be followed by a comment of up to 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      unpacked: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * What a zip archive holds, from its files' names and, for OpenDocument, its `mimetype` file:
 * a workbook (xlsx, ods) or another kind of document.
 */
export function zipContent(
  bytes: Uint8Array,
  names: readonly string[],
): 'workbook' | OtherFileType {
  if (names.some((name) => name.startsWith('xl/'))) return 'workbook';
  if (names.some((name) => name.startsWith('word/'))) return 'word';
  if (names.some((name) => name.startsWith('ppt/'))) return 'powerpoint';
  if (names[0] === 'mimetype') {
    // OpenDocument stores `mimetype` first and uncompressed, right after its 38-byte header.
    const type = new TextDecoder().decode(bytes.subarray(38, 38 + 60));
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'workbook';
    if (type.startsWith('application/vnd.oasis.opendocument.text')) return 'opendocument-text';
    if (type.startsWith('application/vnd.oasis.opendocument.presentation'))
      return 'opendocument-presentation';
  }
  // A workbook the names do not show (an xlsb, or a zip made by hand) is left to the reader.
  if (names.some((name) => /workbook|content\.xml$/i.test(name))) return 'workbook';
  return 'zip';
}

/** What an OLE2 compound file holds, from its streams' names (read by the worker's reader). */
export function oleContent(names: readonly string[]): 'workbook' | 'password' | OtherFileType {
  const has = (wanted: string) => names.some((name) => name.toLowerCase() === wanted);
  // An xlsx saved with a password is an OLE2 file holding the encrypted workbook.
  if (has('encryptedpackage') || has('encryptioninfo')) return 'password';
  if (has('workbook') || has('book')) return 'workbook';
  if (has('worddocument')) return 'word';
  if (has('powerpoint document')) return 'powerpoint';
  return 'office';
}
