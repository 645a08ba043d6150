import { ENCODING_LABELS } from '../../../core/decode';
import type { Encoding } from '../../../core/decode';
import { useTranslation } from '../i18n';
import { useSending } from '../stores/sending';
import { download } from './words';

/** One file the export made, as the result lists it. */
interface MadeFile {
  /** Where it is: its path in the chosen folder, or the name it was downloaded as. */
  shown: string;
  rows: number;
  bytes: number;
  encoding: Encoding;
  uploadName: string;
  /** Hands the file to the browser once more; only for a file it was given to download. */
  again?: () => void;
}

/** What an export wrote: into the chosen folder (window), or downloaded (browser). */
export function ExportResult() {
  const { t } = useTranslation();
  const busy = useSending((state) => state.busy);
  const saved = useSending((state) => state.saved);
  const written = useSending((state) => state.written);
  const made: { heading: string; files: MadeFile[]; note?: string } | null = saved
    ? {
        heading: t('send.saved', { count: saved.length }),
        files: saved.map((file) => ({ ...file, shown: file.path })),
      }
    : written
      ? {
          heading: t('send.downloaded', { count: written.length }),
          files: written.map((file) => ({
            ...file,
            shown: file.savedName,
            bytes: file.bytes.length,
            again: () => download(file.savedName, file.bytes),
          })),
          // A browser given many files at once may keep some back and say nothing (issue 16).
          note: written.length > 1 ? t('send.missingDownload') : undefined,
        }
      : null;
  return (
    <div role="status" aria-live="polite">
      {busy && <p>{t('send.working')}</p>}
      {made && (
        <div data-testid="export-result">
          <p>{made.heading}</p>
          {made.note && <p>{made.note}</p>}
          <ul>
            {made.files.map((file) => (
              <li key={file.shown}>
                <code>{file.shown}</code>
                {' — '}
                {t('send.file', {
                  count: file.rows,
                  size: file.bytes,
                  encoding: ENCODING_LABELS[file.encoding],
                })}{' '}
                <code>{file.uploadName}</code>
                {file.again && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link"
                      aria-label={t('send.downloadAgainNamed', { name: file.shown })}
                      onClick={file.again}
                    >
                      {t('send.downloadAgain')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>{t('exported.otherClient')}</p>
        </div>
      )}
    </div>
  );
}
