import { useEffect, useId } from 'react';
import type { Sheet } from '../logic/sheet';
import { useTranslation } from '../i18n';
import { desktop } from '../service/desktop';
import { selectSheet, useFile } from '../stores/file';
import { prepareReader } from '../worker/read-file';
import { Icon } from './icons';
import { noteText } from './read-words';
import { ReadStatus } from './ReadStatus';
import { sampleList } from './sample-list';
import { ProgressBar } from './WorkProgress';

export const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.txt,.tsv';

/** At most this many of a header-only sheet's column names are listed. */
const NAMES_SHOWN = 6;

/** Whether a sheet has people to send to: rows under its column names. */
export function hasRows(sheet: Sheet | null): boolean {
  return sheet !== null && sheet.rowCount > 0;
}

/** Why the sheet shown has nothing to send, when it has not: said instead of the next steps. */
function SheetNotice({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  if (hasRows(sheet)) return null;
  return (
    <p className="notice warning" role="status" data-testid="sheet-notice">
      <Icon name="warning" decorative />{' '}
      {sheet.header.length === 0
        ? t('open.emptySheet', { sheet: sheet.name })
        : t('open.headerOnly', {
            sheet: sheet.name,
            columns: sheet.header.slice(0, NAMES_SHOWN),
          })}
    </p>
  );
}

/** Choosing the file; dropping one anywhere on the window does the same (see App). */
export function OpenFile() {
  const { t } = useTranslation();
  const file = useFile((state) => state.file);
  const sheet = useFile(selectSheet);
  const sheetIndex = useFile((state) => state.sheetIndex);
  const open = useFile((state) => state.open);
  const openPath = useFile((state) => state.openPath);
  const chooseSheet = useFile((state) => state.chooseSheet);
  const api = desktop();
  const inputId = useId();
  const sheetId = useId();
  // The file screen shows, or the person goes to choose a file: one is likely next, and its
  // reader's script takes a while to load.
  useEffect(prepareReader, []);
  const choosing = { onPointerEnter: prepareReader, onFocus: prepareReader };
  return (
    <section aria-labelledby="open-heading" className="panel">
      <h2 id="open-heading">{t('open.heading')}</h2>
      <p>{t('open.intro')}</p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        data-testid="file-input"
        data-choose-file={api ? undefined : true}
        // Its label's click comes here too, as does Enter on the input focused since a file before.
        onFocus={prepareReader}
        onClick={prepareReader}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) void open(chosen);
          event.currentTarget.value = '';
        }}
      />
      {api ? (
        <button
          type="button"
          data-choose-file
          {...choosing}
          onClick={async () => {
            prepareReader();
            const path = await api.chooseFile();
            if (path !== null) await openPath(path);
          }}
        >
          {t('open.choose')}
        </button>
      ) : (
        <label htmlFor={inputId} className="button" onPointerEnter={prepareReader}>
          {t('open.choose')}
        </label>
      )}
      {(file.status === 'empty' || file.status === 'failed') && (
        <p className="sample">
          {t('open.sample.offer')}{' '}
          <button
            type="button"
            className="link"
            {...choosing}
            onClick={() => void open(sampleList(t('open.sample.fileName')))}
          >
            {t('open.sample.button')}
          </button>
        </p>
      )}
      <ReadStatus />
      {file.status === 'reading' && file.building !== undefined && (
        <ProgressBar progress={{ stage: 'building', rows: file.building }} />
      )}
      {file.status === 'ready' && file.notes.length > 0 && (
        <details className="warning">
          <summary>
            <Icon name="warning" decorative /> {t('open.notes', { count: file.notes.length })}
          </summary>
          <ul>
            {file.notes.slice(0, 20).map((note, index) => (
              <li key={index}>{noteText(t, note)}</li>
            ))}
          </ul>
        </details>
      )}
      {file.status === 'ready' && file.sheets.length > 1 && (
        <p>
          <label htmlFor={sheetId}>{t('open.sheet')} </label>
          <select
            id={sheetId}
            value={sheetIndex}
            onChange={(event) => chooseSheet(Number(event.currentTarget.value))}
          >
            {file.sheets.map((item, index) => (
              <option key={item.name} value={index}>
                {t('open.sheetOption', { name: item.name, count: item.rowCount })}
              </option>
            ))}
          </select>
        </p>
      )}
      {file.status === 'ready' && sheet !== null && <SheetNotice sheet={sheet} />}
    </section>
  );
}
