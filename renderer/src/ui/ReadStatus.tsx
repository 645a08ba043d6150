/** How reading the chosen file goes: its progress and time limit, why it failed, or what it read. */
import { useEffect, useState } from 'react';
import { ENCODING_LABELS } from '../../../core/decode';
import { useTranslation } from '../i18n';
import type { FileState } from '../stores/file';
import { useFile } from '../stores/file';
import { Icon } from './icons';
import { failureDetail, failureText } from './read-words';

/** The last seconds before the time limit ends a read, counted down. */
const WARN_SECONDS = 20;

type Reading = Extract<FileState, { status: 'reading' }>;
type Failed = Extract<FileState, { status: 'failed' }>;
type Ready = Extract<FileState, { status: 'ready' }>;

/** Seconds left before the time limit, again each second while the file is read. */
function useSecondsLeft({ startedAt, limitMs }: Reading): number {
  const left = () => Math.max(0, Math.ceil((startedAt + limitMs - performance.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    const timer = setInterval(
      () => setSeconds(Math.max(0, Math.ceil((startedAt + limitMs - performance.now()) / 1000))),
      1000,
    );
    return () => clearInterval(timer);
  }, [startedAt, limitMs]);
  return seconds;
}

export function ReadingProgress({ file, onStop }: { file: Reading; onStop: () => void }) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(file);
  const progress = file.progress;
  const soon = seconds <= WARN_SECONDS;
  return (
    <div className="reading" data-testid="reading">
      {progress?.phase === 'loading' ? (
        <progress
          value={progress.bytes}
          max={progress.total}
          aria-label={t('open.progress', { name: file.fileName })}
        />
      ) : (
        <progress aria-label={t('open.progress', { name: file.fileName })} />
      )}
      <p className="progress-words" data-testid="read-progress">
        {progress?.phase === 'loading' &&
          t('open.loaded', { done: progress.bytes, total: progress.total })}
        {progress?.phase === 'reading' && t('open.rowsRead', { count: progress.rows })}
      </p>
      <p className={soon ? 'warning' : 'note'} data-testid="read-limit">
        {soon && <Icon name="waiting" decorative />}{' '}
        {soon
          ? t('open.limitSoon', { count: seconds })
          : t('open.limit', { seconds: Math.round(file.limitMs / 1000) })}
      </p>
      {/* Said once when the count-down starts, not at each second of it. */}
      <p className="visually-hidden" role="status">
        {soon ? t('open.limitSoon', { count: WARN_SECONDS }) : ''}
      </p>
      <button type="button" onClick={onStop}>
        {t('open.stop')}
      </button>
    </div>
  );
}

export function ReadFailed({ file }: { file: Failed }) {
  const { t } = useTranslation();
  const detail = failureDetail(t, file.failure);
  return (
    <div className="error" role="alert" data-testid="read-failure">
      <p>
        <Icon name="problem" decorative /> {failureText(t, file.failure)}
      </p>
      {detail && (
        <details>
          <summary>{t('common.details')}</summary>
          {detail.text && <p>{detail.text}</p>}
          {detail.english && (
            <p lang="en">
              <code>{detail.english}</code>
            </p>
          )}
        </details>
      )}
    </div>
  );
}

export function ReadSummary({ file }: { file: Ready }) {
  const { t } = useTranslation();
  const seconds = file.readMs / 1000;
  return (
    <p>
      <strong>{file.fileName}</strong>{' '}
      {file.encoding && file.delimiter
        ? t('open.readText', {
            size: file.bytes,
            encoding: ENCODING_LABELS[file.encoding],
            separator: t(
              `open.separators.${file.delimiter === ',' ? 'comma' : file.delimiter === ';' ? 'semicolon' : 'tab'}`,
            ),
            seconds,
          })
        : t('open.readSpreadsheet', { size: file.bytes, seconds })}
    </p>
  );
}

/** Whichever of the three the file's state is, in a region that says when it changes. */
export function ReadStatus() {
  const { t } = useTranslation();
  const file = useFile((state) => state.file);
  const stopReading = useFile((state) => state.stopReading);
  return (
    <div className="file-status">
      <div role="status" aria-live="polite">
        {file.status === 'reading' && <p>{t('open.reading', { name: file.fileName })}</p>}
        {file.status === 'ready' && <ReadSummary file={file} />}
        {file.status === 'empty' && file.stopped !== undefined && (
          <p>{t('open.stopped', { name: file.stopped })}</p>
        )}
      </div>
      {file.status === 'reading' && (
        <ReadingProgress
          file={file}
          onStop={() => {
            stopReading();
            // The stop button is gone: the focus goes to choosing a file again.
            document.querySelector<HTMLElement>('[data-choose-file]')?.focus();
          }}
        />
      )}
      {file.status === 'failed' && <ReadFailed file={file} />}
    </div>
  );
}
