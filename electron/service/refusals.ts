/**
 * The service's refusals, each in English (`error`: the command line and HTTP clients read it)
 * and as data (`said`: the UI says it in the person's language, core/contract/said.ts), made in
 * one place so that the two never say different things.
 */
import type { BatchState } from '../../core/contract/api';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { plural } from '../base/words';
import type { Earlier } from './earlier-sends';
import { describeEarlier } from './earlier-words';

export interface Refusal {
  ok: false;
  error: string;
  said: Said;
}

function refusal(error: string, sentence: Said): Refusal {
  return { ok: false, error, said: sentence };
}

export const noProfile = (id: string) =>
  refusal(`There is no profile "${id}".`, said('profile.unknown', { profile: id }));

export const noPassword = (name: string) =>
  refusal(
    `The profile "${name}" has no password yet.`,
    said('profile.no-password', { profile: name }),
  );

export const noBatch = (id: string) =>
  refusal(`There is no batch "${id}" in the history.`, said('batch.unknown', { batch: id }));

export const batchProfileUnknown = (profile: string) =>
  refusal(
    `The batch's profile "${profile}" is not known.`,
    said('batch.profile-unknown', { profile }),
  );

export const notOurUploadName = (uploadName: string) =>
  refusal(
    `The batch's upload name ${uploadName} is not one this app made.`,
    said('batch.name-unknown', { uploadName }),
  );

export const cannotRetryNow = (state: BatchState) =>
  refusal(`A batch that is ${state} cannot be tried again.`, said('retry.not-now', { state }));

export const retriedElsewhere = () =>
  refusal('Another Sendsheet is sending this batch now.', said('retry.elsewhere'));

export const cannotRetry = () =>
  refusal('This batch cannot be tried again.', said('retry.impossible'));

export const confirmationTooOld = () =>
  refusal(
    'Nothing was sent: this confirmation is too old. Press Send again to see it anew.',
    said('send.confirmation-too-old'),
  );

/** `Nothing was sent: <why>`, where why is a sentence that starts in lower case. */
export const nothingSent = (why: Refusal) =>
  refusal(`Nothing was sent: ${why.error}`, said('send.nothing-sent', { why: why.said }));

/** `Not sent: <why>`, the command line's form for one file. */
export const notSent = (why: Refusal) =>
  refusal(`Not sent: ${why.error}`, said('send.not-sent', { why: why.said }));

export const messagesHaveProblems = (count: number) =>
  refusal(
    `Nothing was sent: the messages have ${plural(count, 'problem')}.`,
    said('send.messages-have-problems', { count }),
  );

/** What the provider would do with a file; `lead` is `Nothing was sent` or `Not sent`. */
export const wouldReject = (lead: 'Nothing was sent' | 'Not sent', file: string, count: number) =>
  refusal(
    `${lead}: the provider would reject ${file} (${plural(count, 'problem')}).`,
    said(lead === 'Not sent' ? 'send.not-sent' : 'send.nothing-sent', {
      why: said('send.would-reject', { file, count }),
    }),
  );

export const historyUnsaved = (detail: string) =>
  refusal(
    `the history could not be saved (${detail}), and without it Sendsheet could not tell later whether these messages were sent.`,
    said('send.history-unsaved', { detail }),
  );

export const fileTooLarge = (path: string, limit: number) =>
  refusal(
    `${path} is larger than ${limit / 1024 / 1024} MiB: not sent.`,
    said('send.file-too-large', { file: path, limit }),
  );

export const exportFolderNotAllowed = (own: string, folder: string) =>
  refusal(
    `Sendsheet exports only into its exports folder (${own}) or a folder you chose in the save dialog.`,
    said('export.folder-not-allowed', { folder }),
  );

export const exportHasProblems = (count: number) =>
  refusal(
    `Nothing was exported: the messages have ${plural(count, 'problem')}.`,
    said('export.messages-have-problems', { count }),
  );

export const cannotWrite = (folder: string, detail: string) =>
  refusal(`Cannot write to ${folder}: ${detail}`, said('export.cannot-write', { folder, detail }));

export const settingsNotSaved = (detail: string) =>
  refusal(`The settings could not be saved: ${detail}`, said('settings.not-saved', { detail }));

export const cancelTooLate = () =>
  refusal(
    'The file is being handed to the provider: it can no longer be cancelled.',
    said('cancel.too-late'),
  );

export const cancelElsewhere = () =>
  refusal(
    'Another Sendsheet (the app or the command line) is sending this batch: cancel it there.',
    said('cancel.elsewhere'),
  );

export const cancelHandedOver = () =>
  refusal(
    'It was handed to the provider already: once there, a batch cannot be cancelled.',
    said('cancel.handed-over'),
  );

export const nothingToCancel = () =>
  refusal('It is not being sent: there is nothing to cancel.', said('cancel.nothing'));

/** Some of the messages were sent before, are on their way, or of unknown outcome. */
export const sentBefore = (total: number, found: Earlier) =>
  refusal(
    describeEarlier(total, found),
    said('send.sent-before', { count: Math.min(found.overlap, total), total }),
  );
