import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Batch, BatchState } from '../../../core/contract/api';
import { RETRY_STATES } from '../../../core/contract/api';
import { previewRowOf } from '../logic/batches';
import { useLocale, useTranslation } from '../i18n';
import { problemText } from '../i18n/problem-text';
import { toldText } from '../i18n/said-text';
import type { Told } from '../i18n/said-text';
import { emit } from '../stores/commands';
import { useSending } from '../stores/sending';
import { Icon } from './icons';
import { SaidWords } from './SaidWords';
import type { IconName } from './icons';
import { formatDateTime, money } from './words';

const STEPS: readonly BatchState[] = ['uploading', 'ready', 'processing'];

/** Each state's drawing: the words beside it say what it means. */
export const STATE_ICONS: Record<BatchState, IconName> = {
  uploading: 'uploading',
  ready: 'waiting',
  processing: 'processing',
  success: 'success',
  rejected: 'rejected',
  failed: 'problem',
  cancelled: 'info',
  unknown: 'warning',
  'timed-out': 'warning',
  vanished: 'problem',
};

/** What a state says of a batch: practice says that nothing left the computer. */
export function stateWords(t: TFunction, batch: Pick<Batch, 'state' | 'practice'>): string {
  if (batch.practice && batch.state === 'success') return t('batch.practiceSuccess');
  return t(`batch.states.${batch.state}`);
}

/** The short words of History's column, practice said as in the timeline. */
export function outcomeWords(t: TFunction, batch: Pick<Batch, 'state' | 'practice'>): string {
  if (batch.practice && batch.state === 'success') return t('batch.practiceSuccess');
  return t(`batch.outcomes.${batch.state}`);
}

/** A step passed too quickly to be seen (a small file processes at once) is still done. */
function stepClass(batch: Batch, state: BatchState): 'done' | 'current' | 'todo' {
  if (batch.times[state]) return 'done';
  if (batch.state === state) return 'current';
  const processed = ['success', 'rejected'].includes(batch.state);
  return processed && STEPS.includes(state) ? 'done' : 'todo';
}

/** The name a person knows a batch by: the spreadsheet's, with the file's when it has one. */
export function useBatchName(): (batch: Batch) => string {
  const { t } = useTranslation();
  return (batch) =>
    batch.spreadsheet
      ? t('batch.from', { spreadsheet: batch.spreadsheet, file: batch.fileName })
      : batch.fileName;
}

/** Cancel while uploading; Retry when it was not sent, or its outcome is not known. */
function BatchActions({ batch, name }: { batch: Batch; name: string }) {
  const { t } = useTranslation();
  const cancelBatch = useSending((state) => state.cancelBatch);
  const retryBatch = useSending((state) => state.retryBatch);
  const [said, setSaid] = useState<Told | null>(null);
  const act = async (action: (id: string) => Promise<Told | null>) => {
    setSaid(null);
    setSaid(await action(batch.id));
  };
  return (
    <>
      {batch.state === 'uploading' && (
        <button type="button" onClick={() => void act(cancelBatch)}>
          {t('batch.cancel')}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      {(batch.state === 'ready' || batch.state === 'processing') && (
        <p className="note">{t('batch.tooLateToCancel')}</p>
      )}
      {RETRY_STATES.includes(batch.state) && (
        <button type="button" onClick={() => void act(retryBatch)}>
          {batch.state === 'unknown' ? t('batch.checkAgain') : t('batch.tryAgain')}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      {said && (
        <p className="error" role="alert">
          {toldText(t, said)}
        </p>
      )}
    </>
  );
}

export function BatchView({
  batch,
  onRow,
  rowOf,
  focus = false,
}: {
  batch: Batch;
  onRow?: (index: number) => void;
  rowOf?: number[];
  /** Takes the focus when shown: the batch just sent (issue 14: Send → the batch). */
  focus?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useBatchName();
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) article.current?.focus();
  }, [focus]);
  const final = !STEPS.includes(batch.state);
  const time = (iso: string) => formatDateTime(new Date(iso), locale, { timeStyle: 'medium' });
  const name = nameOf(batch);
  return (
    <article
      ref={article}
      tabIndex={-1}
      className={`batch state-${batch.state}${batch.practice ? ' practice' : ''}`}
      aria-label={t('batch.label', { name })}
      data-testid="batch"
      data-batch={batch.id}
    >
      <h3>
        <Icon name={STATE_ICONS[batch.state]} decorative /> {name}
        {' — '}
        <span data-testid="batch-state" data-state={batch.state}>
          {stateWords(t, batch)}
        </span>
        {batch.test && <span className="tag"> {t('batch.testTag')}</span>}
        {batch.practice && <span className="tag"> {t('practice.tag')}</span>}
      </h3>
      <p>
        {t('batch.figures', { count: batch.rows, parts: batch.parts })}
        {batch.cost && t('batch.cost', { cost: money(batch.cost, locale) })}
        {'; '}
        {t('batch.uploadName')} <code>{batch.uploadName}</code>
        {batch.server && (
          <>
            {'; '}
            {t('batch.server')} <strong data-testid="batch-server">{batch.server}</strong>
          </>
        )}
      </p>
      {batch.note && (
        <SaidWords
          className="warning"
          data-testid="batch-note"
          said={batch.noteSaid}
          english={batch.note}
        />
      )}
      {batch.state === 'uploading' && batch.progress && (
        <p>
          <label>
            {t('batch.uploading')}{' '}
            <progress max={100} value={batch.progress.percent}>
              {t('batch.percent', { percent: batch.progress.percent })}
            </progress>{' '}
            {t('batch.percent', { percent: batch.progress.percent })}
          </label>
        </p>
      )}
      <ol className="timeline">
        {[...STEPS, ...(final ? [batch.state] : [])].map((state) => (
          <li key={state} className={stepClass(batch, state)}>
            {state === batch.state ? stateWords(t, batch) : t(`batch.states.${state}`)}{' '}
            {batch.times[state] && (
              <time dateTime={batch.times[state]}>{time(batch.times[state])}</time>
            )}
          </li>
        ))}
      </ol>
      {batch.error && <SaidWords className="error" said={batch.errorSaid} english={batch.error} />}
      {batch.causeText && batch.causeText.length > 0 && (
        <figure className="server-text">
          <figcaption>{t('batch.serverText')}</figcaption>
          <pre data-testid="cause-text">{batch.causeText.join('\n')}</pre>
        </figure>
      )}
      <BatchActions batch={batch} name={name} />
      {batch.cause && (
        <div className="error" role="alert">
          <p>{t('batch.cause', { count: batch.cause.total, at: time(batch.cause.at) })}</p>
          <ul data-testid="cause">
            {batch.cause.problems.map((problem, i) => {
              const index = rowOf ? previewRowOf(problem.row, rowOf) : null;
              return (
                <li key={i}>
                  {problem.row !== null && index !== null && onRow ? (
                    <button type="button" className="link" onClick={() => onRow(index)}>
                      {t('batch.rowOfFile', { row: problem.row })}
                    </button>
                  ) : (
                    problem.row !== null && t('batch.row', { row: problem.row })
                  )}
                  {problem.column && t('batch.column', { column: problem.column })}
                  {t('batch.problem', { text: problemText(t, problem) })}
                </li>
              );
            })}
            {batch.cause.more > 0 && <li>{t('batch.more', { count: batch.cause.more })}</li>}
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
  const { t } = useTranslation();
  const batches = useSending((state) => state.batches);
  const order = useSending((state) => state.order);
  const sent = useSending((state) => state.sent);
  const justSent = useSending((state) => state.justSent);
  const listen = useSending((state) => state.listen);
  useEffect(() => listen(), [listen]);
  const mine = order.filter((id) => sent[id]);
  if (mine.length === 0) return null;
  return (
    <div aria-live="polite" aria-label={t('batch.sent')}>
      {mine.map((id) => (
        <BatchView
          key={id}
          batch={batches[id]!}
          onRow={showRow}
          rowOf={sent[id]!.rowOf}
          focus={id === justSent}
        />
      ))}
    </div>
  );
}
