import { ENCODING_LABELS } from '../../../core/decode';
import { useTranslation } from '../i18n';
import { useSending } from '../stores/sending';

/** What an export wrote: into the chosen folder (window), or downloaded (browser). */
export function ExportResult() {
  const { t } = useTranslation();
  const busy = useSending((state) => state.busy);
  const saved = useSending((state) => state.saved);
  const written = useSending((state) => state.written);
  return (
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
  );
}
