import { useEffectEvent, useId, useLayoutEffect, useRef } from 'react';
import { ENCODING_LABELS } from '../../../core/decode';
import type { ExportOptions } from '../../../core/writer';
import type { PreviewData } from './usePreview';
import { useCampaign } from '../stores/campaign';
import { useFile } from '../stores/file';
import { desktop } from '../service/desktop';
import { on } from '../stores/commands';
import { useSending } from '../stores/sending';
import { useSettings } from '../stores/settings';
import { useMapping } from '../stores/mapping';
import { useTranslation } from '../i18n';
import { Timeline } from './Timeline';
import { Trans } from 'react-i18next';
import { problemText } from '../i18n/problem-text';

/** Names, not words: the type and ending of a CSV file, and the base name of an unnamed batch. */
const CSV_TYPE = 'text/csv';
const CSV_EXTENSION = '.csv';
const UNNAMED = 'batch';

function download(fileName: string, data: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: CSV_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SendPanel({ data }: { data: PreviewData }) {
  const { t } = useTranslation();
  const fileName = useFile((state) =>
    state.file.status === 'ready' ? state.file.fileName : UNNAMED,
  );
  const settings = useCampaign((state) => state.settings);
  // Field by field: the batches' live events change the store many times a second while a
  // file uploads, and only the Timeline shows them.
  const profiles = useSending((state) => state.profiles);
  const busy = useSending((state) => state.busy);
  const saved = useSending((state) => state.saved);
  const written = useSending((state) => state.written);
  const error = useSending((state) => state.error);
  const problems = useSending((state) => state.problems);
  const exportFiles = useSending((state) => state.exportFiles);
  const send = useSending((state) => state.send);
  const profile = useSettings((state) => state.defaultProfile);
  const setDefaultProfile = useSettings((state) => state.setDefaultProfile);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  const baseName = fileName.replace(/\.[^.]+$/, '');
  const options: ExportOptions = {
    baseName,
    format: settings.format,
    encoding: settings.encoding,
    rowsPerFile: settings.rowsPerFile,
  };
  /**
   * In the desktop window the person chooses where the files go and the Node side writes them
   * there; in a browser core's writer makes them here and the browser downloads them.
   */
  const exportNow = async () => {
    // The menu's Export too: the preview is of the text before the one being typed.
    if (useMapping.getState().draft !== null) return;
    const api = desktop();
    if (api !== null) {
      const target = await api.chooseSaveTarget(baseName + CSV_EXTENSION);
      if (target === null) return;
      await exportFiles(
        data.outgoing().messages,
        { ...options, baseName: target.baseName },
        target.folder,
      );
      return;
    }
    await exportFiles(data.outgoing().messages, options);
    const files = useSending.getState().written;
    if (files) for (const file of files) download(file.savedName, file.bytes);
  };

  const chosen = profiles.find((p) => p.id === profile) ?? profiles[0];
  // While the message text is being typed, the preview is of the text before it.
  const pending = useMapping((state) => state.draft !== null);
  const blocked = pending || data.totals.rowsWithErrors > 0 || data.totals.recipients === 0;
  const sendable = !busy && !blocked && chosen !== undefined;

  // The desktop menu's Export and Send do what the buttons do. In a layout effect, the panel
  // listens as soon as it is shown: App shows the send screen, then gives the command.
  const onExport = useEffectEvent(() => void exportNow());
  const onSend = useEffectEvent(() => {
    if (sendable) dialog.current?.showModal();
  });
  useLayoutEffect(() => {
    const stops = [on('export', onExport), on('send', onSend)];
    return () => stops.forEach((stop) => stop());
  }, []);

  return (
    <section aria-labelledby="send-heading" className="panel">
      <h2 id="send-heading">{t('send.heading')}</h2>
      {pending && <p role="status">{t('send.updating')}</p>}
      {blocked && !pending && (
        <p className="error" role="alert">
          {data.totals.recipients === 0
            ? t('send.nothing')
            : t('send.blocked', { count: data.totals.rowsWithErrors })}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={busy || pending} onClick={() => void exportNow()}>
          {t('send.export', {
            count: data.totals.recipients > settings.rowsPerFile ? 2 : 1,
          })}
        </button>
        <label htmlFor={`${id}-profile`}>{t('send.with')}</label>
        <select
          id={`${id}-profile`}
          value={chosen?.id ?? ''}
          onChange={(event) => setDefaultProfile(event.currentTarget.value)}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.hasPassword ? p.name : t('send.noPassword', { name: p.name })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={!sendable}
          onClick={() => dialog.current?.showModal()}
        >
          {t('send.send')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p>{t('send.working')}</p>}
        {saved && (
          <div data-testid="export-result">
            <p>{t('send.saved', { count: saved.length })}</p>
            <ul>
              {saved.map((file) => (
                <li key={file.path}>
                  <code>{file.path}</code>
                  {' — '}
                  {t('send.file', {
                    count: file.rows,
                    size: file.bytes,
                    encoding: ENCODING_LABELS[file.encoding],
                  })}{' '}
                  <code>{file.uploadName}</code>
                </li>
              ))}
            </ul>
            <p>{t('exported.otherClient')}</p>
          </div>
        )}
        {written && (
          <div data-testid="export-result">
            <p>{t('send.downloaded', { count: written.length })}</p>
            <ul>
              {written.map((file) => (
                <li key={file.savedName}>
                  <code>{file.savedName}</code>
                  {' — '}
                  {t('send.file', {
                    count: file.rows,
                    size: file.bytes.length,
                    encoding: ENCODING_LABELS[file.encoding],
                  })}{' '}
                  <code>{file.uploadName}</code>
                </li>
              ))}
            </ul>
            <p>{t('exported.otherClient')}</p>
          </div>
        )}
      </div>
      {error && (
        <div className="error" role="alert" data-testid="send-error">
          <p>{error}</p>
          {problems.length > 0 && (
            <ul>
              {problems.slice(0, 50).map((problem, i) => (
                <li key={i}>
                  {problem.row !== null
                    ? t('send.row', { row: problem.row, text: problemText(t, problem) })
                    : problemText(t, problem)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <dialog ref={dialog} aria-labelledby={`${id}-confirm`} data-testid="confirm-dialog">
        <h2 id={`${id}-confirm`}>{t('send.confirm')}</h2>
        <p>
          <Trans
            i18nKey="send.confirmWhat"
            values={{
              recipients: t('send.recipients', { count: data.totals.recipients }),
              parts: t('send.parts', { count: data.totals.parts }),
              profile: chosen?.name ?? '',
              servers: chosen?.servers.map((s) => `${s.host}:${s.port}`).join(', ') ?? '',
            }}
            components={{ b: <strong /> }}
          />
        </p>
        <p>{t('send.final')}</p>
        <div className="actions">
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('send.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              dialog.current?.close();
              if (chosen) {
                const { messages, rowOf } = data.outgoing();
                void send(messages, rowOf, options, chosen.id, fileName);
              }
            }}
          >
            {t('send.sendNow', { count: data.totals.recipients })}
          </button>
        </div>
      </dialog>
      <Timeline />
    </section>
  );
}
