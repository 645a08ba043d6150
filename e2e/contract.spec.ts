// The UI's test contract in English (e2e/contract-test.ts).
import { test } from 'sendsheet/playwright';
import { contractTest } from './contract-test';

// It sends the fixtures' messages as a first send: a history no other spec sent to.
test.use({ sendsheetAppName: 'contract', sendsheetLanguage: 'en', locale: 'en-US' });

contractTest('en');
