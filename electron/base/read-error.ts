import { errorText } from '../../core/contract/errors';

/** Why a file the person named could not be read, in their words: "no such file", ... */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return errorText(error);
}
