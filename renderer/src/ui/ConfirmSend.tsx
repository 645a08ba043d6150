import { useId } from 'react';
import type { RefObject } from 'react';
import type { EarlierSend, PreparedSend, ProfileSummary } from '../../../core/contract/api';
import type { WarningCounts } from '../logic/totals';
import { useSending } from '../stores/sending';
import { count, dateTime, money } from './words';
import { ProgressBar } from './WorkProgress';

const STILL_IN: Record<keyof WarningCounts, [string, string]> = {
  'not-mobile': ['number that may not receive an SMS', 'numbers that may not receive an SMS'],
  duplicate: ['number that is in the list twice', 'numbers that are in the list twice'],
  lookalikes: [
    'message with special characters that cost more',
    'messages with special characters that cost more',
  ],
  'unknown-placeholder': [
    'message with a {name} that is not a column',
    'messages with a {name} that is not a column',
  ],
};

const STANDING: Record<EarlierSend['standing'], string> = {
  sent: 'sent',
  sending: 'being sent right now',
  unknown: 'perhaps sent (it is not known whether they arrived)',
};

function Earlier({ prepared }: { prepared: PreparedSend }) {
  const all = prepared.overlap >= prepared.messages;
  return (
    <div className="alert" role="alert" data-testid="confirm-earlier">
      <p>
        <strong>
          {all
            ? `${prepared.messages === 1 ? 'This message was' : `All ${count(prepared.messages, 'message')} were`} sent before.`
            : `${count(prepared.overlap, 'of these messages was', 'of these messages were')} sent before: the same text to the same numbers.`}
        </strong>
      </p>
      <ul>
        {prepared.earlier.map((send) => (
          <li key={send.campaign}>
            {count(send.messages, 'message')} {STANDING[send.standing]} on {dateTime(send.at)}, in{' '}
            {send.batches.map((batch) => batch.fileName).join(', ')}
            {send.practice ? ' (practice)' : ''}
          </li>
        ))}
      </ul>
      <p>
        Sending again sends {all ? 'them' : 'those'} a second time, to the same people. If that is
        not what you want, cancel
        {all ? '' : ', and leave those rows out'}.
      </p>
    </div>
  );
}

/**
 * The confirmation before anything is sent: how many messages, parts and what they cost, where
 * they go (practice or real), the warnings still in, and any earlier send of the same messages,
 * which then needs its own, distinct "send again".
 */
export function ConfirmSend({
  dialog,
  profile,
  warnings,
  onSend,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  profile: ProfileSummary | undefined;
  warnings: WarningCounts;
  onSend: (again: boolean) => void;
}) {
  const prepared = useSending((state) => state.prepared);
  const busy = useSending((state) => state.busy);
  const error = useSending((state) => state.error);
  const progress = useSending((state) => state.progress);
  const id = useId();
  const practice = prepared?.profile.practice ?? profile?.practice ?? false;
  const still = (Object.keys(STILL_IN) as (keyof WarningCounts)[]).filter((k) => warnings[k] > 0);
  const resumes = prepared?.files.filter((file) => file.resumes !== null).length ?? 0;
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-confirm`} data-testid="confirm-dialog">
      <h2 id={`${id}-confirm`}>Send these messages?</h2>
      {prepared === null ? (
        <>
          <p role="status">
            {busy ? 'Getting the messages ready…' : (error ?? 'Getting the messages ready…')}
          </p>
          {/* The modal dialog hides the page behind it: its progress is shown here. */}
          {busy && progress?.stage === 'preparing' && <ProgressBar progress={progress} />}
        </>
      ) : (
        <>
          <p>
            <strong>{count(prepared.messages, 'recipient')}</strong>,{' '}
            <strong>{count(prepared.parts, 'SMS part')}</strong>, with the profile{' '}
            <strong>{prepared.profile.name}</strong>
            {` (${prepared.profile.servers.map((s) => `${s.host}:${s.port}`).join(', ')})`}.
          </p>
          {prepared.cost && (
            <p>
              Estimated cost: <strong data-testid="confirm-cost">{money(prepared.cost)}</strong>
            </p>
          )}
          {practice ? (
            <p className="practice-note" data-testid="confirm-practice">
              Practice: the messages go to the practice server on this computer. No SMS is sent to
              anyone.
            </p>
          ) : (
            <p className="warning">
              These messages go to real phones. Once sent, they cannot be called back.
            </p>
          )}
          {still.length > 0 && (
            <p data-testid="confirm-warnings">
              Still in the send: {still.map((k) => count(warnings[k], ...STILL_IN[k])).join(', ')}.
            </p>
          )}
          {resumes > 0 && (
            <p data-testid="confirm-resumes">
              An earlier send of these messages was interrupted. Sending first asks the provider
              what reached it, and sends only what did not.
            </p>
          )}
          {prepared.overlap > 0 && <Earlier prepared={prepared} />}
        </>
      )}
      <div className="actions">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        {prepared !== null && prepared.overlap === 0 && (
          <button type="button" className="primary" disabled={busy} onClick={() => onSend(false)}>
            Send {count(prepared.messages, 'message')}
          </button>
        )}
        {prepared !== null && prepared.overlap > 0 && (
          <button type="button" className="danger" disabled={busy} onClick={() => onSend(true)}>
            Send again anyway ({count(prepared.overlap, 'message')} twice)
          </button>
        )}
      </div>
    </dialog>
  );
}
