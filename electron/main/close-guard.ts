/**
 * Closing the window during an upload asks first: the upload would stop before the provider has
 * the file. Nothing is lost either way (the next start tells what became of each batch), but the
 * person should not stop a send without knowing it.
 */
import type { Batch } from '../../core/contract/api';

export interface CloseQuestion {
  message: string;
  detail: string;
  /** The first button keeps the window open. */
  buttons: [string, string];
}

/** What to ask before closing, or null when nothing is uploading. */
export function closeQuestion(uploading: readonly Pick<Batch, 'fileName'>[]): CloseQuestion | null {
  if (uploading.length === 0) return null;
  const what =
    uploading.length === 1
      ? `${uploading[0]!.fileName} is still uploading.`
      : `${uploading.length} files are still uploading.`;
  return {
    message: what,
    detail:
      'If you close Sendsheet now, the upload stops before the provider has the file, and nothing of it is sent. The next time Sendsheet starts, it checks with the provider and shows what became of it, with a button to send it again.',
    buttons: ['Keep sending', 'Close anyway'],
  };
}
