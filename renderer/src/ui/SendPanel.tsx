import { useEffectEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ExportOptions } from '../../../core/writer';
import { messageOf, outgoingNeed } from '../logic/outgoing';
import { currentHeap, fitsIn } from '../worker/memory-fit';
import type { PreviewData } from './usePreview';
import { useAppSettings } from '../stores/app-settings';
import { useCampaign } from '../stores/campaign';
import { useFile } from '../stores/file';
import { useLeaveOut } from '../stores/leave-out';
import { desktop } from '../service/desktop';
import { on } from '../stores/commands';
import { selectUploading, useSending } from '../stores/sending';
import { useMapping } from '../stores/mapping';
import { useTranslation } from '../i18n';
import { problemText } from '../i18n/problem-text';
import { ConfirmSend } from './ConfirmSend';
import { ExportResult } from './ExportResult';
import { Timeline } from './Timeline';
import { useFocusBack } from './useFocusBack';
import { SendProgress } from './WorkProgress';
import { WRITING_STARTS } from '../logic/progress';
import { focusBatch } from './focus-batch';
import { profileName } from './profile-name';
import { download, downloadInTurn } from './words';
import { saidText } from '../i18n/said-text';

/** Names, not words: a CSV file's ending, an unnamed batch's base name, a test's suffix. */
const CSV_EXTENSION = '.csv';
const UNNAMED = 'batch';
const TEST_SUFFIX = '-test';

/** The row a test goes from: the one chosen in the list, else the first that is sent. */
function testRow(data: PreviewData, chosen: number | null) {
  const rows = data.preview.rows;
  if (chosen !== null && rows[chosen]) return rows[chosen];
  return data.firstSendable < 0 ? null : rows[data.firstSendable]!;
}

export function SendPanel({ data }: { data: PreviewData }) {
  const { t } = useTranslation();
  const fileName = useFile((state) =>
    state.file.status === 'ready' ? state.file.fileName : UNNAMED,
  );
  // The settings the preview is of, which lag the settings as typed by a frame or two
  // (usePreview): the messages exported or sent are the preview's, so nothing goes until it has
  // caught up, and the choices below are the preview's too.
  const settings = data.settings;
  const lagging = useCampaign((state) => state.settings !== data.settings);
  /** Asked again when acting: a menu command can come between a keystroke and its render. */
  const stale = () =>
    useMapping.getState().draft !== null || useCampaign.getState().settings !== data.settings;
  // Field by field: the batches' live events change the store many times a second while a
  // file uploads, and only the Timeline shows them.
  const profiles = useSending((state) => state.profiles);
  const busy = useSending((state) => state.busy);
  const uploading = useSending(selectUploading);
  const error = useSending((state) => state.error);
  const errorSaid = useSending((state) => state.errorSaid);
  const problems = useSending((state) => state.problems);
  const exportFiles = useSending((state) => state.exportFiles);
  const prepare = useSending((state) => state.prepare);
  const sendPrepared = useSending((state) => state.sendPrepared);
  const profile = useAppSettings((state) => state.settings?.profile ?? null);
  const ownNumber = useAppSettings((state) => state.settings?.ownNumber ?? '');
  const updateSettings = useAppSettings((state) => state.update);
  const chosenRow = useLeaveOut((state) => state.chosen);
  const dialog = useRef<HTMLDialogElement>(null);
  const [testNote, setTestNote] = useState<string | null>(null);
  const id = useId();

  /**
   * Whether the page can hold the messages to export or send beside what it holds: else it says
   * so, and they are not made. Made beyond the heap, they end the whole page in Chromium, with
   * nothing to say why (memory-fit.ts).
   */
  const fitsMemory = (action: 'export' | 'send') => {
    const count = data.totals.recipients;
    if (fitsIn(outgoingNeed(data.preview.rows, count), currentHeap())) return true;
    useSending.getState().refuseForMemory(action, count);
    return false;
  };
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
    // The menu's Export too: the preview is of the text or settings before the ones typed.
    if (stale() || !fitsMemory('export')) return;
    const announce = useSending.getState().announce;
    const api = desktop();
    if (api !== null) {
      const target = await api.chooseSaveTarget(baseName + CSV_EXTENSION);
      if (target === null) return;
      await announce(WRITING_STARTS);
      await exportFiles(
        data.outgoing().messages,
        { ...options, baseName: target.baseName },
        target.folder,
      );
      return;
    }
    await announce(WRITING_STARTS);
    await exportFiles(data.outgoing().messages, options);
    const files = useSending.getState().written;
    if (files) await downloadInTurn(files, (file) => download(file.savedName, file.bytes));
  };

  const chosen = profiles.find((p) => p.id === profile) ?? profiles[0];
  // While the message text is being typed, the preview is of the text before it.
  const pending = useMapping((state) => state.draft !== null);
  const behind = pending || lagging;
  const refused = data.totals.rowsWithErrors > 0 || data.totals.recipients === 0;
  const blocked = behind || refused;
  const sendable = !busy && !blocked && !uploading && chosen !== undefined;
  const sendButton = useRef<HTMLButtonElement>(null);
  useFocusBack(dialog, sendButton, sendable);

  /** The confirmation opens at once, and fills in when the Node side has prepared the send. */
  const ask = async () => {
    if (!sendable || !chosen || stale() || !fitsMemory('send')) return;
    useSending.getState().dismissPrepared();
    dialog.current?.showModal();
    await useSending.getState().announce({ stage: 'preparing', messages: data.totals.recipients });
    const { messages, rowOf } = data.outgoing();
    void prepare(messages, rowOf, options, chosen.id, false, fileName);
  };
  const send = async (again: boolean) => {
    if (!(await sendPrepared(again))) return;
    dialog.current?.close();
    focusBatch(useSending.getState().justSent);
  };
  const row = testRow(data, chosenRow);
  const sendTest = async () => {
    if (!chosen || row === null || ownNumber === '' || stale()) return;
    setTestNote(null);
    const message = { ...messageOf(row), msisdn: ownNumber };
    const prepared = await prepare(
      [message],
      [row.index],
      { ...options, baseName: baseName + TEST_SUFFIX },
      chosen.id,
      true,
      fileName,
    );
    if (prepared !== null && (await sendPrepared(false)))
      setTestNote(t('send.test.sent', { row: row.sourceRow, number: ownNumber }));
  };

  // The desktop menu's Export and Send do what the buttons do. In a layout effect, the panel
  // listens as soon as it is shown: App shows the send screen, then gives the command.
  const onExport = useEffectEvent(() => void exportNow());
  const onSend = useEffectEvent(() => void ask());
  useLayoutEffect(() => {
    const stops = [on('export', onExport), on('send', onSend)];
    return () => stops.forEach((stop) => stop());
  }, []);

  return (
    <section aria-labelledby="send-heading" className="panel">
      <h2 id="send-heading">{t('send.heading')}</h2>
      {pending && <p role="status">{t('send.updating')}</p>}
      {/* Said while the preview catches up too: an alert that came and went at each keystroke
          would be read out again each time. */}
      {refused && !pending && (
        <p className="error" role="alert">
          {data.totals.recipients === 0
            ? data.totals.leftOut > 0
              ? t('send.allLeftOut')
              : t('send.nothing')
            : t('send.blocked', { count: data.totals.rowsWithErrors })}
        </p>
      )}
      {uploading && <p role="status">{t('send.stillUploading')}</p>}
      <div className="actions">
        <button type="button" disabled={busy || behind} onClick={() => void exportNow()}>
          {t('send.export', {
            count: data.totals.recipients > settings.rowsPerFile ? 2 : 1,
          })}
        </button>
        <label htmlFor={`${id}-profile`}>{t('send.with')}</label>
        <select
          id={`${id}-profile`}
          value={chosen?.id ?? ''}
          onChange={(event) => void updateSettings({ profile: event.currentTarget.value })}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.hasPassword
                ? profileName(t, p)
                : t('send.noPassword', { name: profileName(t, p) })}
            </option>
          ))}
        </select>
        <button
          ref={sendButton}
          type="button"
          className="primary"
          disabled={!sendable}
          onClick={() => void ask()}
        >
          {t('send.send')}
        </button>
        <button
          type="button"
          disabled={busy || behind || uploading || row === null || ownNumber === '' || !chosen}
          title={ownNumber === '' ? t('send.test.addNumber') : undefined}
          onClick={() => void sendTest()}
        >
          {t('send.test.button')}
        </button>
      </div>
      <p className="note">
        {ownNumber === ''
          ? t('send.test.noNumber')
          : row === null
            ? t('send.test.chooseRow')
            : t('send.test.which', { row: row.sourceRow, number: ownNumber })}
      </p>
      {testNote && <p role="status">{testNote}</p>}
      <SendProgress />
      <ExportResult />
      {error && (
        <div className="error" role="alert" data-testid="send-error">
          <p>{saidText(t, errorSaid, error)}</p>
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
      <ConfirmSend
        dialog={dialog}
        profile={chosen}
        warnings={data.totals.warnings}
        onSend={(again) => void send(again)}
      />
      <Timeline />
    </section>
  );
}
