/** The words of a batch sent, live in the timeline and in History. */

export const batch = {
  label: 'Batch {{name}}',
  // The spreadsheet the person knows, then the file made from it.
  from: '{{spreadsheet}}, file {{file}}',
  figures_one: '{{count, number}} message, {{parts, number}} SMS parts',
  figures_other: '{{count, number}} messages, {{parts, number}} SMS parts',
  uploadName: 'name on the server:',
  server: 'server',
  uploading: 'Uploading',
  percent: '{{percent, number}} %',
  states: {
    uploading: 'Uploading',
    ready: 'Uploaded, waiting for the provider',
    processing: 'The provider is checking the file',
    success: 'Accepted: the messages are on their way',
    rejected: 'Rejected: nothing was sent',
    failed: 'Not sent',
    cancelled: 'Cancelled: nothing was sent',
    unknown: 'Not known whether it reached the provider',
    'timed-out': 'Sent, but the provider has not answered yet',
    vanished: 'The file left the server before it was finished: ask the provider what happened',
  },
  // Short, for the History table's column.
  outcomes: {
    uploading: 'Uploading',
    ready: 'Waiting for the provider',
    processing: 'Being checked',
    success: 'Accepted',
    rejected: 'Rejected',
    failed: 'Not sent',
    cancelled: 'Cancelled',
    unknown: 'Not known',
    'timed-out': 'No answer yet',
    vanished: 'Gone from the server',
  },
  practiceSuccess: 'Accepted by the practice server: no SMS left this computer',
  testTag: 'Test to your own number',
  cost: ', estimated {{cost}}',
  cancel: 'Cancel sending',
  tooLateToCancel: 'The provider has the file: it can no longer be cancelled.',
  tryAgain: 'Try again',
  checkAgain: 'Check again',
  serverText: "What the provider's server wrote at the end of the file:",
  cause_one: 'The provider found {{count, number}} problem at {{at}}. Fix it and send again:',
  cause_other: 'The provider found {{count, number}} problems at {{at}}. Fix them and send again:',
  rowOfFile: 'Row {{row}} of the file',
  row: 'Row {{row}}',
  column: ' ({{column}})',
  problem: ': {{text}}',
  more_one: '…and {{count, number}} more',
  more_other: '…and {{count, number}} more',
  sent: 'Sent batches',
} as const;

/** Under the files exported. */
export const exported = {
  otherClient:
    'To send a file with another FTP client: upload it under this name, then rename it on the server by adding .ready to the end.',
} as const;

export const history = {
  heading: 'History',
  empty: 'Nothing has been sent yet.',
  columns: {
    sent: 'Sent',
    file: 'Spreadsheet and file',
    messages: 'Messages',
    parts: 'Parts',
    cost: 'Estimated cost',
    outcome: 'Outcome',
    details: 'Details',
  },
  details: 'Details',
  hide: 'Hide',
  of: ' of {{name}}',
  testTag: 'Test',
  andMore_one: '{{name}} and {{count, number}} more',
  andMore_other: '{{name}} and {{count, number}} more',
  statesCount_one: '{{count, number}} {{words}}',
  statesCount_other: '{{count, number}} {{words}}',
  files_one: '{{count, number}} file in this send:',
  files_other: '{{count, number}} files in this send:',
  clear: 'Clear history',
  confirmClear: 'Clear the history of finished batches? The files on the server are not touched.',
} as const;

/** Step 5: export or send, and the confirmation before sending. */
export const send = {
  heading: '5. Export or send',
  updating: 'Updating the messages for the text being typed…',
  nothing: 'There are no messages to send yet: choose the phone number and message columns.',
  allLeftOut: 'Every row is left out: put back the rows to send.',
  stillUploading: 'A batch is still uploading: Send waits until the provider has it.',
  test: {
    button: 'Send a test to me',
    addNumber: 'Add your own mobile number in Settings first.',
    noNumber: 'To send yourself a test first, add your own mobile number in Settings.',
    chooseRow: 'Choose a row in the list to send yourself its message as a test.',
    which:
      "A test sends row {{row}}'s message to your own number, {{number}}. Click a row in the list to test another.",
    sent: "Test of row {{row}}'s message sent to your number, {{number}}.",
  },
  blocked_one:
    '{{count, number}} message has problems the provider would reject. Leave that row out (in “Rows to send” above, or untick it in the list below, where it is marked as a problem), or choose other columns.',
  blocked_other:
    '{{count, number}} messages have problems the provider would reject. Leave those rows out (in “Rows to send” above, or untick them in the list below, where they are marked as problems), or choose other columns.',
  export_one: 'Export file',
  export_other: 'Export files',
  with: 'Send with',
  noPassword: '{{name}} (no password yet)',
  send: 'Send…',
  working: 'Working…',
  saved_one: 'Saved {{count, number}} file:',
  saved_other: 'Saved {{count, number}} files:',
  downloaded_one: 'Downloaded {{count, number}} file:',
  downloaded_other: 'Downloaded {{count, number}} files:',
  downloadAgain: 'Download again',
  downloadAgainNamed: 'Download again: {{name}}',
  missingDownload:
    'Your browser may hold back some of several downloads. If a file is missing from your downloads, download it again here.',
  file_one: '{{count, number}} message, {{size, bytes}}, {{encoding}}; upload name',
  file_other: '{{count, number}} messages, {{size, bytes}}, {{encoding}}; upload name',
  row: 'Row {{row}}: {{text}}',
  confirm: 'Send these messages?',
  confirmWhat:
    '<b>{{recipients}}</b>, <b>{{parts}}</b>, with the profile <b>{{profile}}</b> ({{servers}}).',
  recipients_one: '{{count, number}} recipient',
  recipients_other: '{{count, number}} recipients',
  parts_one: '{{count, number}} SMS part',
  parts_other: '{{count, number}} SMS parts',
  final: 'Once sent, messages cannot be called back.',
  cancel: 'Cancel',
  sendNow_one: 'Send {{count, number}} message',
  sendNow_other: 'Send {{count, number}} messages',
} as const;
