/**
 * The progress's words, kept out of the components as a catalogue of keys (`{{name}}` filled
 * in), ready for the i18n catalogues (issue 14), where they move with their translations.
 */
import type { WorkProgress } from '../logic/progress';

export const PROGRESS_WORDS = {
  building: 'Preparing the list of {{rows}} rows…',
  writing: 'Writing the files: {{percent}}% done',
  preparing: 'Getting {{messages}} messages ready to send…',
  uploading: 'Uploading file {{file}} of {{files}}',
  uploadingPercent: 'Uploading file {{file}} of {{files}}: {{percent}}%',
  processing: 'The provider is checking the files: {{done}} of {{files}} done',
} as const;

export type ProgressKey = keyof typeof PROGRESS_WORDS;

/** The words of `key` with its values put in, numbers as the person's locale writes them. */
export function progressWords(key: ProgressKey, values: Record<string, number>): string {
  return PROGRESS_WORDS[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    (values[name] ?? 0).toLocaleString('en-US'),
  );
}

/** What a progress bar shows: its words (also its accessible name), value and maximum. */
export interface ShownProgress {
  words: string;
  /** Null for a bar that shows work under way without saying how much is left. */
  value: number | null;
  max: number;
}

export function shownProgress(progress: WorkProgress): ShownProgress {
  switch (progress.stage) {
    case 'building':
      return { words: progressWords('building', { rows: progress.rows }), value: null, max: 1 };
    case 'writing': {
      const percent = Math.min(99, Math.floor((progress.done / progress.total) * 100));
      return { words: progressWords('writing', { percent }), value: percent, max: 100 };
    }
    case 'preparing':
      return {
        words: progressWords('preparing', { messages: progress.messages }),
        value: null,
        max: 1,
      };
    case 'uploading': {
      const { file, files, percent } = progress;
      // The bar is of the whole send: the files before this one, and this one's part.
      const value = (file - 1 + (percent ?? 0) / 100) / files;
      return {
        words:
          percent === null
            ? progressWords('uploading', { file, files })
            : progressWords('uploadingPercent', { file, files, percent }),
        value,
        max: 1,
      };
    }
    case 'processing':
      return {
        words: progressWords('processing', { done: progress.done, files: progress.files }),
        value: progress.done,
        max: progress.files,
      };
  }
}
