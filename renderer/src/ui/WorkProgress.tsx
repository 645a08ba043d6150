/** The progress of a long piece of work, stage by stage, in words and as a bar (issue 16). */
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../i18n';
import type { WorkProgress } from '../logic/progress';
import { sendProgress } from '../logic/progress';
import { useSending } from '../stores/sending';
import { shownProgress } from './progress-words';

/** A bar named by its words (a progressbar with that accessible name), and the words. */
export function ProgressBar({ progress }: { progress: WorkProgress }) {
  const { t } = useTranslation();
  const shown = shownProgress(t, progress);
  return (
    <div className="work-progress" data-testid={`progress-${progress.stage}`}>
      {shown.value === null ? (
        <progress aria-label={shown.words} />
      ) : (
        <progress aria-label={shown.words} value={shown.value} max={shown.max} />
      )}
      <p aria-hidden="true">{shown.words}</p>
    </div>
  );
}

/**
 * The export's or the send's progress: writing the files, getting the send ready, uploading
 * file k of n, then the provider processing them, until every file has ended.
 */
export function SendProgress() {
  // One value, compared field by field: a batch's events that change nothing shown (another
  // send's, or none under way) render nothing.
  const progress = useSending(
    useShallow(
      (state) => state.progress ?? sendProgress(Object.values(state.batches), state.lastCampaign),
    ),
  );
  return progress === null ? null : <ProgressBar progress={progress} />;
}
