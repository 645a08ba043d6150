/** What the person chooses for the messages of the next export or send, and where it starts. */
import type { Format } from '../../../core/check';
import type { ExportEncoding } from '../../../core/writer';
import type { CountryCode } from './phone';

export type MessageClassChoice = '' | 'standard' | 'premium' | 'secret';

/** What the person chose for all the messages of the next export or send. */
export interface CampaignSettings {
  /** Used where the sender column is empty or not mapped; '' is the account's default. */
  sender: string;
  /** Used where the class column is empty or not mapped; '' is standard. */
  messageClass: MessageClassChoice;
  encoding: ExportEncoding;
  format: Format;
  rowsPerFile: number;
  defaultCountry: CountryCode;
  replaceLookalikes: boolean;
}

export const DEFAULT_CAMPAIGN: CampaignSettings = {
  sender: '',
  messageClass: '',
  encoding: 'auto',
  format: 'excel',
  rowsPerFile: 10_000,
  defaultCountry: 'DK',
  replaceLookalikes: false,
};
