import { useEffect } from 'react';
import type { Batch, BatchState } from '../../../core/contract/api';
import { previewRowOf } from '../logic/batches';
import { emit } from '../stores/commands';
import { useSending } from '../stores/sending';
import { count } from './words';

const STEPS: readonly BatchState[] = ['uploading', 'ready', 'processing'];
const WORDS: Record<BatchState, string> = {
  uploading: 'Uploading',
  ready: 'Uploaded, waiting for the provider',
  processing: 'The provider is checking the file',
  success: 'Accepted: the messages are on their way',
  rejected: 'Rejected: nothing was sent',
  failed: 'Not sent',
  'timed-out': 'Sent, but no answer yet',
  vanished: 'The file left the server before it was finished',
};

/** A step passed too quickly to be seen (a small file processes at once) is still done. */
function stepClass(batch: Batch, state: BatchState): 'done' | 'current' | 'todo' {
  if (batch.times[state]) return 'done';
  if (batch.state === state) return 'current';
  const processed = ['success', 'rejected'].includes(batch.state);
  return processed && STEPS.includes(state) ? 'done' : 'todo';
}

function time(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

export function BatchView({
  batch,
  onRow,
  rowOf,
}: {
  batch: Batch;
  onRow?: (index: number) => void;
  rowOf?: number[];
}) {
  const final = !STEPS.includes(batch.state);
  return (
    <article
      className={`batch state-${batch.state}`}
      aria-label={`Batch ${batch.fileName}`}
      data-testid="batch"
    >
      <h3>
        {batch.fileName} — <span data-testid="batch-state">{batch.state}</span>
      </h3>
      <p>
        {count(batch.rows, 'message')}, {count(batch.parts, 'SMS part')}; upload name{' '}
        <code>{batch.uploadName}</code>
        {batch.server && (
          <>
            ; server <strong data-testid="batch-server">{batch.server}</strong>
          </>
        )}
      </p>
      {batch.note && (
        <p className="warning" data-testid="batch-note">
          {batch.note}
        </p>
      )}
      {batch.state === 'uploading' && batch.progress && (
        <p>
          <label>
            Uploading{' '}
            <progress max={100} value={batch.progress.percent}>
              {batch.progress.percent}%
            </progress>{' '}
            {batch.progress.percent}%
          </label>
        </p>
      )}
      <ol className="timeline">
        {[...STEPS, ...(final ? [batch.state] : [])].map((state) => (
          <li key={state} className={stepClass(batch, state)}>
            {WORDS[state]}{' '}
            {batch.times[state] && (
              <time dateTime={batch.times[state]}>{time(batch.times[state])}</time>
            )}
          </li>
        ))}
      </ol>
      {batch.error && <p className="error">{batch.error}</p>}
      {batch.causeText && batch.causeText.length > 0 && (
        <figure className="server-text">
          <figcaption>What the provider&apos;s server wrote at the end of the file:</figcaption>
          <pre data-testid="cause-text">{batch.causeText.join('\n')}</pre>
        </figure>
      )}
      {batch.cause && (
        <div className="error" role="alert">
          <p>
            The provider found {count(batch.cause.total, 'problem')} at {batch.cause.at}. Fix them
            and send again:
          </p>
          <ul data-testid="cause">
            {batch.cause.problems.map((problem, i) => {
              const index = rowOf ? previewRowOf(problem.row, rowOf) : null;
              return (
                <li key={i}>
                  {problem.row !== null && index !== null && onRow ? (
                    <button type="button" className="link" onClick={() => onRow(index)}>
                      Row {problem.row} of the file
                    </button>
                  ) : (
                    problem.row !== null && `Row ${problem.row}`
                  )}
                  {problem.column && ` (${problem.column})`}: {problem.message}
                </li>
              );
            })}
            {batch.cause.more > 0 && <li>…and {batch.cause.more} more</li>}
          </ul>
        </div>
      )}
    </article>
  );
}

/** A rejection's row leads to the preview row it came from. */
function showRow(index: number): void {
  emit('showRow', index);
}

/** The batches of this run, live from the service's events. */
export function Timeline() {
  const batches = useSending((state) => state.batches);
  const order = useSending((state) => state.order);
  const sent = useSending((state) => state.sent);
  const listen = useSending((state) => state.listen);
  useEffect(() => listen(), [listen]);
  const mine = order.filter((id) => sent[id]);
  if (mine.length === 0) return null;
  return (
    <div aria-live="polite" aria-label="Sent batches">
      {mine.map((id) => (
        <BatchView key={id} batch={batches[id]!} onRow={showRow} rowOf={sent[id]!.rowOf} />
      ))}
    </div>
  );
}
