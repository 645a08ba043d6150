import { useId } from 'react';
import { desktop } from '../service/desktop';
import { useFile } from '../stores/file';
import { bytes, count } from './words';
import { ProgressBar } from './WorkProgress';

export const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.txt,.tsv';

/** Choosing the file; dropping one anywhere on the window does the same (see App). */
export function OpenFile() {
  const file = useFile((state) => state.file);
  const sheetIndex = useFile((state) => state.sheetIndex);
  const open = useFile((state) => state.open);
  const openPath = useFile((state) => state.openPath);
  const chooseSheet = useFile((state) => state.chooseSheet);
  const api = desktop();
  const inputId = useId();
  const sheetId = useId();
  return (
    <section aria-labelledby="open-heading" className="panel">
      <h2 id="open-heading">1. Open a spreadsheet</h2>
      <p>
        Drop a file anywhere on this window, or choose one: Excel (.xlsx, .xls), OpenDocument
        (.ods), CSV or text.
      </p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        data-testid="file-input"
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) void open(chosen);
          event.currentTarget.value = '';
        }}
      />
      {api ? (
        <button
          type="button"
          onClick={async () => {
            const path = await api.chooseFile();
            if (path !== null) await openPath(path);
          }}
        >
          Choose a file…
        </button>
      ) : (
        <label htmlFor={inputId} className="button">
          Choose a file…
        </label>
      )}
      <div role="status" aria-live="polite" className="file-status">
        {file.status === 'reading' && <p>Reading {file.fileName}…</p>}
        {file.status === 'failed' && (
          <p className="error" role="alert">
            {file.error}
          </p>
        )}
        {file.status === 'ready' && (
          <p>
            <strong>{file.fileName}</strong> ({bytes(file.bytes)}
            {file.encoding
              ? `, ${file.encoding === 'windows-1252' ? 'Windows-1252' : file.encoding.toUpperCase()}`
              : ''}
            {file.delimiter
              ? `, separated by ${file.delimiter === '\t' ? 'tabs' : `"${file.delimiter}"`}`
              : ''}
            ) read in {(file.readMs / 1000).toFixed(1)} s.
          </p>
        )}
      </div>
      {file.status === 'reading' && file.building !== undefined && (
        <ProgressBar progress={{ stage: 'building', rows: file.building }} />
      )}
      {file.status === 'ready' && file.notes.length > 0 && (
        <details className="warning">
          <summary>{count(file.notes.length, 'thing')} in the file may not be as intended</summary>
          <ul>
            {file.notes.slice(0, 20).map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      {file.status === 'ready' && file.sheets.length > 1 && (
        <p>
          <label htmlFor={sheetId}>Sheet </label>
          <select
            id={sheetId}
            value={sheetIndex}
            onChange={(event) => chooseSheet(Number(event.currentTarget.value))}
          >
            {file.sheets.map((sheet, index) => (
              <option key={sheet.name} value={index}>
                {sheet.name} ({count(sheet.rowCount, 'row')})
              </option>
            ))}
          </select>
        </p>
      )}
    </section>
  );
}
