/**
 * FTP paths in an account's folder. The folder is the client's `/` and is flat: there are no
 * folders in it (MKD is refused), so a path names either `/` or one file directly in it. `..`
 * stops at `/`, as in a chroot, so no path leads out.
 */

export type FtpPath =
  | { kind: 'root' }
  | { kind: 'file'; name: string }
  /** A path through a folder, which cannot exist here. */
  | { kind: 'nested'; path: string }
  | { kind: 'invalid'; reason: string };

/** File names longer than this do not fit most file systems, and none of the server's. */
const MAX_NAME_BYTES = 255;

function invalidCharacter(path: string): string | null {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return 'a file name cannot hold control characters';
    if (c === 0x5c)
      return 'a file name cannot hold "\\": folders are separated by "/", and there are none here';
  }
  return null;
}

export function resolveFtpPath(path: string): FtpPath {
  const invalid = invalidCharacter(path);
  if (invalid !== null) return { kind: 'invalid', reason: invalid };
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  if (segments.length === 0) return { kind: 'root' };
  if (segments.length > 1) return { kind: 'nested', path: `/${segments.join('/')}` };
  const name = segments[0]!;
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    return { kind: 'invalid', reason: `a file name can have at most ${MAX_NAME_BYTES} bytes` };
  }
  return { kind: 'file', name };
}
