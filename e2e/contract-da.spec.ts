// The UI's test contract in Danish (e2e/contract-test.ts): the app follows the browser's language.
import { test } from 'sendsheet/playwright';
import { contractTest } from './contract-test';

// It sends the fixtures' messages as a first send: a history no other spec sent to.
test.use({ sendsheetAppName: 'contract-da', sendsheetLanguage: 'da', locale: 'da-DK' });

contractTest('da');
