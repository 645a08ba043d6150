import { useSending } from '../stores/sending';
import { bytes, count } from './words';

/** What an export wrote: into the chosen folder (window), or downloaded (browser). */
export function ExportResult() {
  const busy = useSending((state) => state.busy);
  const saved = useSending((state) => state.saved);
  const written = useSending((state) => state.written);
  return (
    <div role="status" aria-live="polite">
      {busy && <p>Working…</p>}
      {saved && (
        <div data-testid="export-result">
          <p>Saved {count(saved.length, 'file')}:</p>
          <ul>
            {saved.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code> — {count(file.rows, 'message')}, {bytes(file.bytes)},{' '}
                {file.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}; upload name{' '}
                <code>{file.uploadName}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {written && (
        <div data-testid="export-result">
          <p>Downloaded {count(written.length, 'file')}:</p>
          <ul>
            {written.map((file) => (
              <li key={file.fileName}>
                <code>{file.fileName}</code> — {count(file.rows, 'message')},{' '}
                {bytes(file.bytes.length)},{' '}
                {file.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}; upload name{' '}
                <code>{file.uploadName}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
