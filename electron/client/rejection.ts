/**
 * The cause of a rejection, read back from the downloaded `.rejected` file (SPEC 8). The server
 * appends it in the file's own encoding, so the file is decoded as the server decoded it; a file
 * the server could not decode has its cause in the encoding it was read as, one it did not read
 * (too large) in UTF-8.
 */
import { parseCause } from '../../core/cause';
import { decode } from '../../core/decode';
import type { Encoding } from '../../core/decode';
import { parseUploadName } from '../../core/names';
import { nodeCheckOptions } from '../base/native-text';
import type { RejectionCause } from '../../core/contract/api';

/** The WHATWG decoders Node has for the encodings a failed decode can name. */
const LABELS: Partial<Record<Encoding, string>> = {
  'utf-8': 'utf-8',
  'windows-1252': 'windows-1252',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The cause at the end of a rejected file, or null when it has none that core can read. */
export function readCause(bytes: Uint8Array, readyName: string): RejectionCause | null {
  const decoded = decode(bytes, parseUploadName(readyName).forced, nodeCheckOptions.latin1);
  let text: string;
  if (decoded.ok) {
    text = decoded.text;
  } else {
    text = new TextDecoder(LABELS[decoded.encoding] ?? 'utf-8').decode(bytes);
  }
  // A file rejected unread (too large) has its cause in UTF-8, whatever its own encoding.
  const cause = parseCause(text) ?? parseCause(new TextDecoder('utf-8').decode(bytes));
  if (cause === null) return null;
  return { at: cause.at, total: cause.total, problems: cause.problems, more: cause.more };
}
