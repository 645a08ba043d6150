/** The progress's words, from the catalogues (`progress` in i18n/en/ui.ts), and its bar's values. */
import type { TFunction } from 'i18next';
import type { WorkProgress } from '../logic/progress';

/** What a progress bar shows: its words (also its accessible name), value and maximum. */
export interface ShownProgress {
  words: string;
  /** Null for a bar that shows work under way without saying how much is left. */
  value: number | null;
  max: number;
}

export function shownProgress(t: TFunction, progress: WorkProgress): ShownProgress {
  switch (progress.stage) {
    case 'building':
      return { words: t('progress.building', { count: progress.rows }), value: null, max: 1 };
    case 'writing': {
      const percent = Math.min(99, Math.floor((progress.done / progress.total) * 100));
      return { words: t('progress.writing', { percent }), value: percent, max: 100 };
    }
    case 'preparing':
      return { words: t('progress.preparing', { count: progress.messages }), value: null, max: 1 };
    case 'uploading': {
      const { file, files, percent } = progress;
      // The bar is of the whole send: the files before this one, and this one's part.
      const value = (file - 1 + (percent ?? 0) / 100) / files;
      return {
        words:
          percent === null
            ? t('progress.uploading', { file, files })
            : t('progress.uploadingPercent', { file, files, percent }),
        value,
        max: 1,
      };
    }
    case 'processing':
      return {
        words: t('progress.processing', { done: progress.done, files: progress.files }),
        value: progress.done,
        max: progress.files,
      };
  }
}
