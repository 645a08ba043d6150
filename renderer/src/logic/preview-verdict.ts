/**
 * A keystroke in the campaign's sender costs what it changes (issue 16). A row's verdict (its
 * problems and warnings, and so the totals) depends on the campaign's sender and class only
 * through whether each is valid: a valid value is named in no problem. So the verdict is built
 * for the settings with a valid sender and class put as '' (verdictSettings), kept while typing
 * goes from one valid sender to another, and the rows are then read through the settings as
 * typed (withSettings). An invalid value is kept as it is, since its problem quotes it: each
 * such keystroke rebuilds the verdict, as every keystroke did before.
 */
import { classProblem, senderProblem } from '../../../core/values';
import type { CampaignSettings, MessageClassChoice } from './campaign-settings';
import type { Preview } from './preview';
import type { ColumnRow, RowSource } from './preview-row';

/** The settings a verdict is built for: the same verdict as `settings`, and shared by more. */
export function verdictSettings(settings: CampaignSettings): CampaignSettings {
  const sender = senderProblem(settings.sender) === null ? '' : settings.sender;
  const messageClass: MessageClassChoice =
    classProblem(settings.messageClass) === null ? '' : settings.messageClass;
  if (sender === settings.sender && messageClass === settings.messageClass) return settings;
  return { ...settings, sender, messageClass };
}

/** Whether two settings give the rows the same texts and the same verdict. */
function sameForRows(a: CampaignSettings, b: CampaignSettings): boolean {
  return (
    a.sender === b.sender &&
    a.messageClass === b.messageClass &&
    a.replaceLookalikes === b.replaceLookalikes &&
    a.defaultCountry === b.defaultCountry
  );
}

/**
 * The preview of `settings` from a verdict built for verdictSettings(settings): the same
 * verdicts, the texts read through `settings`. The verdict itself when its rows already read
 * the same texts.
 */
export function withSettings(verdict: Preview, settings: CampaignSettings): Preview {
  const built = verdict.source.settings;
  if (sameForRows(built, settings)) return verdict;
  if (!sameForRows(verdictSettings(built), verdictSettings(settings))) {
    throw new Error('The verdict was built for settings that judge the rows differently.');
  }
  const source: RowSource = { ...verdict.source, settings };
  const rows = verdict.rows.map((row) => (row as ColumnRow).rebound(source));
  return { rows, unknownPlaceholders: verdict.unknownPlaceholders, source };
}
