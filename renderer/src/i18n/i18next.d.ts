// The catalogues' keys and their values' types, so that t('a.key', { value }) is checked.
import 'i18next';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    strictKeyChecks: true;
    strictInterpolationChecks: true;
    // The formatters of i18n/index.ts.
    interpolationFormatTypeMap: {
      number: number;
      bytes: number;
      seconds: number;
      list: readonly string[];
      or: readonly string[];
    };
  }
}
