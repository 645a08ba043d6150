/** The words of sending safely (issue 13): the confirmation, rows left out, prices, practice. */

/** The confirmation before a send, and what it knows of earlier sends of the same messages. */
export const confirm = {
  preparing: 'Getting the messages ready…',
  cost: 'Estimated cost:',
  practice:
    'Practice: the messages go to the practice server on this computer. No SMS is sent to anyone.',
  real: 'These messages go to real phones. Once sent, they cannot be called back.',
  stillIn: 'Still in the send: {{list}}.',
  warnings: {
    'not-mobile_one': '{{count, number}} number that may not receive an SMS',
    'not-mobile_other': '{{count, number}} numbers that may not receive an SMS',
    duplicate_one: '{{count, number}} number that is in the list twice',
    duplicate_other: '{{count, number}} numbers that are in the list twice',
    lookalikes_one: '{{count, number}} message with special characters that cost more',
    lookalikes_other: '{{count, number}} messages with special characters that cost more',
    'unknown-placeholder_one': '{{count, number}} message with a {name} that is not a column',
    'unknown-placeholder_other': '{{count, number}} messages with a {name} that is not a column',
  },
  resumes:
    'An earlier send of these messages was interrupted. Sending first asks the provider what reached it, and sends only what did not.',
  sendAgain_one: 'Send again anyway ({{count, number}} message twice)',
  sendAgain_other: 'Send again anyway ({{count, number}} messages twice)',
  earlier: {
    all_one: 'This message was sent before.',
    all_other: 'All {{count, number}} messages were sent before.',
    some_one:
      '{{count, number}} of these messages was sent before: the same text to the same numbers.',
    some_other:
      '{{count, number}} of these messages were sent before: the same text to the same numbers.',
    sent_one: '{{count, number}} message sent on {{at}}, in {{files}}',
    sent_other: '{{count, number}} messages sent on {{at}}, in {{files}}',
    sending_one: '{{count, number}} message being sent right now (since {{at}}), in {{files}}',
    sending_other: '{{count, number}} messages being sent right now (since {{at}}), in {{files}}',
    unknown_one:
      '{{count, number}} message perhaps sent (it is not known whether it arrived) on {{at}}, in {{files}}',
    unknown_other:
      '{{count, number}} messages perhaps sent (it is not known whether they arrived) on {{at}}, in {{files}}',
    practice: '(practice)',
    againAll:
      'Sending again sends them a second time, to the same people. If that is not what you want, cancel.',
    againSome:
      'Sending again sends those a second time, to the same people. If that is not what you want, cancel, and leave those rows out.',
  },
} as const;

/** Rows left out of the send, by hand or by kind. */
export const leaveOut = {
  heading: 'Rows to send',
  none: 'Every row is sent. Untick a row in the list below to leave it out.',
  some_one: '{{count, number}} row is left out of the send.',
  some_other: '{{count, number}} rows are left out of the send.',
  bulk: {
    cannotReceive_one: 'Leave out {{count, number}} row that cannot receive an SMS',
    cannotReceive_other: 'Leave out {{count, number}} rows that cannot receive an SMS',
    repeated_one: 'Leave out {{count, number}} repeated number',
    repeated_other: 'Leave out {{count, number}} repeated numbers',
    problem_one: 'Leave out {{count, number}} row with problems',
    problem_other: 'Leave out {{count, number}} rows with problems',
  },
  putBack_one: 'Put back {{count, number}} row',
  putBack_other: 'Put back all {{count, number}} rows',
  save: 'Save the left-out rows as a spreadsheet',
  // The file of left-out rows: its column names and each row's reason.
  file: {
    row: 'Row',
    number: 'Phone number',
    message: 'Message',
    why: 'Why it was left out',
    found: '{{why}}: {{found}}',
    reasons: {
      byHand: 'Left out by hand',
      cannotReceive: 'Cannot receive an SMS',
      repeated: 'Repeated number',
      problem: 'The provider would refuse it',
    },
  },
  saved_one: 'Saved {{name}}: {{count, number}} row with the reason for it.',
  saved_other: 'Saved {{name}}: {{count, number}} rows with the reason for each.',
} as const;

/** What one SMS part costs, in Settings. */
export const prices = {
  heading: 'Prices',
  intro:
    'What one SMS part costs you, so that each send shows its cost before it goes. A message of up to 160 plain characters is one part.',
  currency: 'Currency',
  perPart: 'Price per SMS part',
  country: 'Country',
  countryPerPart: 'Its price per SMS part',
  remove: 'Remove',
  removeWhat: " this country's price",
  add: 'Add a price for a country',
  save: 'Save prices',
  saved: 'Saved: {{price}} per SMS part.',
  badCurrency: 'The currency is its three-letter code, like DKK, EUR or SEK.',
  badPrice: 'The price per SMS part is a number, like {{example, number}}.',
  badCountryPrice: 'Each country needs its price, a number like {{example, number}}.',
} as const;

/** Test connection, in Settings and the first run. */
export const connection = {
  test: 'Test connection',
  testing: 'Testing…',
  loggingIn: 'Logging in to each server…',
  server: 'Server {{name}} ({{host}}:{{port}}): {{answer}}',
  answered: 'answered in {{ms, number}} ms',
  encrypted: '; encrypted',
  notEncrypted: '; not encrypted',
  pinned: '; encrypted, certificate fingerprint {{fingerprint}}',
} as const;

/** Practice kept apart from real. */
export const practice = {
  badge: 'Practice: nothing leaves this computer',
  profileTag: 'Practice: nothing leaves this computer',
  tag: 'Practice',
  profileName: 'Practice on this computer',
} as const;

/** The person's own number, for "Send a test to me". */
export const ownNumber = {
  form: 'Your own number',
  label: 'Your own mobile number',
  help: 'Where "Send a test to me" sends a message first, for you to see it.',
  save: 'Save my number',
  saved: 'Saved: {{number}}.',
  removed: 'Removed.',
  notMobile: 'This is not a mobile number.',
  // Why a number cannot get an SMS (logic/phone.ts, PhoneWhy).
  why: {
    missing: 'The phone number is missing.',
    type: '{{number}} is {{type}}: it cannot receive an SMS.',
    'not-in-use': '{{number}} is not a number in use in {{country}}: check it.',
    'not-a-number':
      '{{number}} is not a phone number: write it with its country code, like +45 12 34 56 78.',
  },
  types: {
    FIXED_LINE: 'a landline',
    TOLL_FREE: 'a toll-free number',
    PREMIUM_RATE: 'a premium-rate number',
    SHARED_COST: 'a shared-cost number',
    VOIP: 'an internet phone number',
    PAGER: 'a pager number',
    UAN: 'a company switchboard number',
    VOICEMAIL: 'a voicemail number',
    PERSONAL_NUMBER: 'a personal forwarding number',
    other: 'not a mobile number',
  },
  callingCode: 'country code +{{code}}',
} as const;

/** The first start: practice, or the person's provider account. */
export const firstRun = {
  heading: 'Welcome to Sendsheet',
  question: 'Where should your messages go? You can change this later in Settings.',
  practice: 'Practice on this computer',
  practiceHelp:
    'Try everything safely: messages go to a practice server on this computer, and no SMS is sent to anyone.',
  provider: 'My provider account',
  providerHelp: 'Send real SMS to real phones, with the account you pay for.',
  noProfile: 'There is no provider profile to set up.',
  account: "The user name and password of your {{name}} account (from the provider's dashboard).",
  back: 'Back',
  test: 'Test the connection',
  testing: 'Testing the connection…',
  use: 'Use my account',
} as const;
