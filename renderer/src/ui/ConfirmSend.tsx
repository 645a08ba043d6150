import { useId } from 'react';
import type { RefObject } from 'react';
import { Trans } from 'react-i18next';
import type { PreparedSend, ProfileSummary } from '../../../core/contract/api';
import { useLocale, useTranslation } from '../i18n';
import type { WarningCounts } from '../logic/totals';
import { useSending } from '../stores/sending';
import { profileName } from './profile-name';
import { formatDateTime, formatList, money } from './words';
import { ProgressBar } from './WorkProgress';
import { saidText } from '../i18n/said-text';

const WARNING_KINDS: readonly (keyof WarningCounts)[] = [
  'not-mobile',
  'duplicate',
  'lookalikes',
  'unknown-placeholder',
];

function Earlier({ prepared }: { prepared: PreparedSend }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = prepared.overlap >= prepared.messages;
  return (
    <div className="alert" role="alert" data-testid="confirm-earlier">
      <p>
        <strong>
          {all
            ? t('confirm.earlier.all', { count: prepared.messages })
            : t('confirm.earlier.some', { count: prepared.overlap })}
        </strong>
      </p>
      <ul>
        {prepared.earlier.map((send) => (
          <li key={send.campaign}>
            {t(`confirm.earlier.${send.standing}`, {
              count: send.messages,
              at: formatDateTime(new Date(send.at), locale),
              files: formatList(
                send.batches.map((batch) => batch.fileName),
                locale,
              ),
            })}
            {send.practice ? ` ${t('confirm.earlier.practice')}` : ''}
          </li>
        ))}
      </ul>
      <p>{all ? t('confirm.earlier.againAll') : t('confirm.earlier.againSome')}</p>
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
  const { t } = useTranslation();
  const locale = useLocale();
  const prepared = useSending((state) => state.prepared);
  const busy = useSending((state) => state.busy);
  const error = useSending((state) => state.error);
  const progress = useSending((state) => state.progress);
  const errorSaid = useSending((state) => state.errorSaid);
  const id = useId();
  const practice = prepared?.profile.practice ?? profile?.practice ?? false;
  const still = WARNING_KINDS.filter((kind) => warnings[kind] > 0);
  const resumes = prepared?.files.filter((file) => file.resumes !== null).length ?? 0;
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-confirm`} data-testid="confirm-dialog">
      <h2 id={`${id}-confirm`}>{t('send.confirm')}</h2>
      {prepared === null ? (
        <>
          <p role="status">
            {busy
              ? t('confirm.preparing')
              : error === null
                ? t('confirm.preparing')
                : saidText(t, errorSaid, error)}
          </p>
          {/* The modal dialog hides the page behind it: its progress is shown here. */}
          {busy && progress?.stage === 'preparing' && <ProgressBar progress={progress} />}
        </>
      ) : (
        <>
          <p>
            <Trans
              i18nKey="send.confirmWhat"
              values={{
                recipients: t('send.recipients', { count: prepared.messages }),
                parts: t('send.parts', { count: prepared.parts }),
                profile: profileName(t, prepared.profile),
                servers: prepared.profile.servers.map((s) => `${s.host}:${s.port}`).join(', '),
              }}
              components={{ b: <strong /> }}
            />
          </p>
          {prepared.cost && (
            <p>
              {t('confirm.cost')}{' '}
              <strong data-testid="confirm-cost">{money(prepared.cost, locale)}</strong>
            </p>
          )}
          {practice ? (
            <p className="practice-note" data-testid="confirm-practice">
              {t('confirm.practice')}
            </p>
          ) : (
            <p className="warning">{t('confirm.real')}</p>
          )}
          {still.length > 0 && (
            <p data-testid="confirm-warnings">
              {t('confirm.stillIn', {
                list: formatList(
                  still.map((kind) => t(`confirm.warnings.${kind}`, { count: warnings[kind] })),
                  locale,
                ),
              })}
            </p>
          )}
          {resumes > 0 && <p data-testid="confirm-resumes">{t('confirm.resumes')}</p>}
          {prepared.overlap > 0 && <Earlier prepared={prepared} />}
        </>
      )}
      <div className="actions">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('send.cancel')}
        </button>
        {prepared !== null && prepared.overlap === 0 && (
          <button type="button" className="primary" disabled={busy} onClick={() => onSend(false)}>
            {t('send.sendNow', { count: prepared.messages })}
          </button>
        )}
        {prepared !== null && prepared.overlap > 0 && (
          <button type="button" className="danger" disabled={busy} onClick={() => onSend(true)}>
            {t('confirm.sendAgain', { count: prepared.overlap })}
          </button>
        )}
      </div>
    </dialog>
  );
}
