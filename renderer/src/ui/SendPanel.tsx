import { useEffectEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ExportOptions } from '../../../core/writer';
import { messageOf } from '../logic/outgoing';
import type { PreviewData } from './usePreview';
import { useAppSettings } from '../stores/app-settings';
import { useCampaign } from '../stores/campaign';
import { useFile } from '../stores/file';
import { useLeaveOut } from '../stores/leave-out';
import { desktop } from '../service/desktop';
import { on } from '../stores/commands';
import { selectUploading, useSending } from '../stores/sending';
import { useMapping } from '../stores/mapping';
import { ConfirmSend } from './ConfirmSend';
import { ExportResult } from './ExportResult';
import { Timeline } from './Timeline';
import { SendProgress } from './WorkProgress';
import { count, download } from './words';

/** The row a test goes from: the one chosen in the list, else the first that is sent. */
function testRow(data: PreviewData, chosen: number | null) {
  const rows = data.preview.rows;
  if (chosen !== null && rows[chosen]) return rows[chosen];
  // Searched in the verdict's rows: the preview's are made when read, and a search past many
  // rows left out would make each of them again at every keystroke.
  const first = data.shown.find((row) => data.leftOut[row.index] === 0 && row.errors.length === 0);
  return first === undefined ? null : rows[first.index]!;
}

export function SendPanel({ data }: { data: PreviewData }) {
  const fileName = useFile((state) =>
    state.file.status === 'ready' ? state.file.fileName : 'batch',
  );
  const settings = useCampaign((state) => state.settings);
  // Field by field: the batches' live events change the store many times a second while a
  // file uploads, and only the Timeline shows them.
  const profiles = useSending((state) => state.profiles);
  const busy = useSending((state) => state.busy);
  const uploading = useSending(selectUploading);
  const error = useSending((state) => state.error);
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
    const announce = useSending.getState().announce;
    const writing = { stage: 'writing', done: 0, total: 1 } as const;
    const api = desktop();
    if (api !== null) {
      const target = await api.chooseSaveTarget(`${baseName}.csv`);
      if (target === null) return;
      await announce(writing);
      await exportFiles(
        data.outgoing().messages,
        { ...options, baseName: target.baseName },
        target.folder,
      );
      return;
    }
    await announce(writing);
    await exportFiles(data.outgoing().messages, options);
    const files = useSending.getState().written;
    if (files) for (const file of files) download(file.fileName, file.bytes);
  };

  const chosen = profiles.find((p) => p.id === profile) ?? profiles[0];
  // While the message text is being typed, the preview is of the text before it.
  const pending = useMapping((state) => state.draft !== null);
  const blocked = pending || data.totals.rowsWithErrors > 0 || data.totals.recipients === 0;
  const sendable = !busy && !blocked && !uploading && chosen !== undefined;

  /** The confirmation opens at once, and fills in when the Node side has prepared the send. */
  const ask = async () => {
    if (!sendable || !chosen) return;
    useSending.getState().dismissPrepared();
    dialog.current?.showModal();
    await useSending.getState().announce({ stage: 'preparing', messages: data.totals.recipients });
    const { messages, rowOf } = data.outgoing();
    void prepare(messages, rowOf, options, chosen.id);
  };
  const send = async (again: boolean) => {
    if (await sendPrepared(again)) dialog.current?.close();
  };
  const row = testRow(data, chosenRow);
  const sendTest = async () => {
    if (!chosen || row === null || ownNumber === '') return;
    setTestNote(null);
    const message = { ...messageOf(row), msisdn: ownNumber };
    const prepared = await prepare(
      [message],
      [row.index],
      { ...options, baseName: `${baseName}-test` },
      chosen.id,
      true,
    );
    if (prepared !== null && (await sendPrepared(false)))
      setTestNote(`Test of row ${row.sourceRow}'s message sent to your number, ${ownNumber}.`);
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
      <h2 id="send-heading">5. Export or send</h2>
      {pending && <p role="status">Updating the messages for the text being typed…</p>}
      {blocked && !pending && (
        <p className="error" role="alert">
          {data.totals.recipients === 0
            ? data.totals.leftOut > 0
              ? 'Every row is left out: put back the rows to send.'
              : 'There are no messages to send yet: choose the phone number and message columns.'
            : `${count(data.totals.rowsWithErrors, 'message has', 'messages have')} problems the provider would reject. Leave those rows out (in "Rows to send" above, or untick them in the list: they are marked ⛔), or choose other columns.`}
        </p>
      )}
      {uploading && (
        <p role="status">A batch is still uploading: Send waits until the provider has it.</p>
      )}
      <div className="actions">
        <button type="button" disabled={busy || pending} onClick={() => void exportNow()}>
          Export file{data.totals.recipients > settings.rowsPerFile ? 's' : ''}
        </button>
        <label htmlFor={`${id}-profile`}>Send with </label>
        <select
          id={`${id}-profile`}
          value={chosen?.id ?? ''}
          onChange={(event) => void updateSettings({ profile: event.currentTarget.value })}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.hasPassword ? '' : ' (no password yet)'}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={!sendable} onClick={() => void ask()}>
          Send…
        </button>
        <button
          type="button"
          disabled={busy || pending || uploading || row === null || ownNumber === '' || !chosen}
          title={ownNumber === '' ? 'Add your own mobile number in Settings first.' : undefined}
          onClick={() => void sendTest()}
        >
          Send a test to me
        </button>
      </div>
      <p className="note">
        {ownNumber === ''
          ? 'To send yourself a test first, add your own mobile number in Settings.'
          : row === null
            ? 'Choose a row in the list to send yourself its message as a test.'
            : `A test sends row ${row.sourceRow}'s message to your own number, ${ownNumber}. Click a row in the list to test another.`}
      </p>
      {testNote && <p role="status">{testNote}</p>}
      <SendProgress />
      <ExportResult />
      {error && (
        <div className="error" role="alert" data-testid="send-error">
          <p>{error}</p>
          {problems.length > 0 && (
            <ul>
              {problems.slice(0, 50).map((problem, i) => (
                <li key={i}>
                  {problem.row !== null && `Row ${problem.row}: `}
                  {problem.message}
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
