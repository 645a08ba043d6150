/**
 * Sentences made on the Node side, said from their code and values (core/contract/said.ts).
 * Technical values (a server's reply, a system error) are not in the sentences: the English
 * words of the Node side show them under Details.
 */
import type { SaidCatalogue } from '../../../../core/contract/said';

export const said = {
  reason: {
    'refused-connection': 'refused the connection',
    'reset-connection': 'broke off the connection',
    'closed-connection': 'closed the connection',
    'no-answer-in-time': 'did not answer in time',
    'no-route': 'cannot be reached from this computer',
    'network-down': 'cannot be reached: the network is down',
    'host-unknown': 'was not found: check the server’s address',
    'stopped-answering': 'stopped answering',
    'lost-connection': 'lost the connection',
    'closed-by-server': 'closed the connection (busy or shutting down)',
    'login-refused': 'did not accept the user name or password',
    answered: 'refused the request',
    certificate: 'showed a security certificate that is not trusted',
    'no-encryption': 'does not offer an encrypted connection',
    'needs-encryption': 'only accepts encrypted connections',
    'fingerprint-not-sha256': 'has a trusted fingerprint in the profile that is not valid',
    'certificate-not-pinned': 'showed another security certificate than the trusted one',
    'no-answer-within': 'did not answer within {{ms}}',
    when: '{{reason}} while {{step}}',
  },
  step: {
    listing: 'looking at its files',
    uploading: 'uploading the file',
    'checking-size': 'checking the uploaded file',
    renaming: 'handing the file over',
  },
  server: {
    failed: 'server {{server}} {{reason}}',
  },
  note: {
    failover: 'Server {{left}} {{reason}}; using server {{using}}.',
    'attempt-failed': 'Server {{server}} {{reason}}.',
    'trying-other': 'Server {{server}} {{reason}}; trying server {{next}} now.',
    'trying-again':
      'Server {{server}} {{reason}}; trying again in {{wait}}, at {{at}} (giving up at {{giveUpAt}}).',
    'retry-asking-first': 'Trying again: asking the servers first.',
    'handed-over':
      'Cancel was asked after the file was handed to the provider: it could not be cancelled any more.',
    'history-unsaved': 'History could not be saved: this batch may be missing from History.',
    sentences: '{{sentences}}',
  },
  connect: {
    'no-password': 'The profile “{{profile}}” has no password yet.',
    stopped: 'Stopped.',
    'login-failed': 'Could not log in: {{failures}}.',
    failed: 'Could not connect: {{failures}}.',
    unreachable: 'Neither server could be reached in {{ms}}: {{failures}}.',
  },
  deliver: {
    'stopped-maybe-sent':
      'Stopped while sending: the file may or may not have reached the provider. Check again to find out.',
    'stopped-before': 'Stopped before anything was sent.',
    'left-while-renaming':
      'The file left the server while it was being handed over, and it is not there now: it may have been processed. Check the messages sent before you send them again.',
    'upload-failed_one': 'The upload failed {{count, number}} time; nothing was sent.',
    'upload-failed_other': 'The upload failed {{count, number}} times; nothing was sent.',
    refused: '{{failures}}. Nothing was sent.',
    'refused-not-renamed': '{{failures}}. The file was not handed over: nothing was sent.',
  },
  send: {
    'nothing-sent': 'Nothing was sent: {{why}}',
    'not-sent': 'Not sent: {{why}}',
    'confirmation-too-old':
      'Nothing was sent: this confirmation is too old. Press Send again to see it anew.',
    'messages-have-problems_one': 'Nothing was sent: the messages have {{count, number}} problem.',
    'messages-have-problems_other':
      'Nothing was sent: the messages have {{count, number}} problems.',
    'would-reject_one': 'the provider would reject {{file}} ({{count, number}} problem).',
    'would-reject_other': 'the provider would reject {{file}} ({{count, number}} problems).',
    'sent-before_one':
      '{{count, number}} of these {{total, number}} messages was sent before or is on its way.',
    'sent-before_other':
      '{{count, number}} of these {{total, number}} messages were sent before or are on their way.',
    'history-unsaved':
      'History could not be saved, and without it Sendsheet could not tell later whether these messages were sent.',
    'file-too-large': '{{file}} is larger than {{limit}}: not sent.',
    'too-large-for-memory_one':
      'Nothing was sent: this computer does not give Sendsheet the memory to make {{count, number}} message ready to send. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
    'too-large-for-memory_other':
      'Nothing was sent: this computer does not give Sendsheet the memory to make {{count, number}} messages ready to send. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
  },
  export: {
    'folder-not-allowed':
      'Sendsheet saves only into its own exports folder or a folder you chose in the save dialog, not into {{folder}}.',
    'messages-have-problems_one':
      'Nothing was exported: the messages have {{count, number}} problem.',
    'messages-have-problems_other':
      'Nothing was exported: the messages have {{count, number}} problems.',
    'cannot-write': 'The files could not be saved in {{folder}}.',
    'too-large-for-memory_one':
      'Nothing was exported: this computer does not give Sendsheet the memory to write {{count, number}} message. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
    'too-large-for-memory_other':
      'Nothing was exported: this computer does not give Sendsheet the memory to write {{count, number}} messages. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
  },
  profile: {
    unknown: 'There is no profile “{{profile}}”.',
    'no-password': 'The profile “{{profile}}” has no password yet.',
  },
  settings: {
    'not-saved': 'The settings could not be saved.',
  },
  batch: {
    unknown: 'This batch is not in History.',
    'profile-unknown': 'The batch’s profile “{{profile}}” is not known.',
    'name-unknown': 'This batch was not made by this app: its file is {{uploadName}}.',
    'internal-error': 'Something went wrong in Sendsheet itself.',
    'not-known-whether-sent':
      'It is not known whether this batch reached the provider: {{why}} Check again asks the servers again, and sends it only if it is not there.',
    'file-not-kept':
      'Not sent, and its file is no longer kept on this computer: send the list again.',
    'cancelled-nothing-sent':
      'Cancelled before the file was handed to the provider: nothing was sent.',
    interrupted: 'The upload was interrupted before the file reached the provider.',
    'not-sent-retry': '{{why}} Nothing was sent; Try again sends it.',
    'interrupted-by-stop':
      'Sendsheet stopped while it was uploading this batch, before the file reached the provider.',
    'gone-from-servers':
      'The file is no longer on the servers: it may have been processed and then removed by someone. It is not sent again.',
    'could-not-list': 'The servers could not show their files: {{failures}}.',
    'showed-nothing':
      'Server {{server}} showed no file of it, but that alone does not prove it was not sent.',
    'showed-nothing-both':
      'Server {{first}} and server {{second}} showed no file of it, but that alone does not prove it was not sent.',
  },
  retry: {
    'not-now': 'A batch that is “{{state}}” cannot be tried again.',
    elsewhere: 'Another Sendsheet is sending this batch now.',
    impossible: 'This batch cannot be tried again.',
  },
  cancel: {
    'too-late': 'The file is being handed to the provider: it can no longer be cancelled.',
    elsewhere:
      'Another Sendsheet (the app or the command line) is sending this batch: cancel it there.',
    'handed-over': 'The provider has the file already: once there, it cannot be cancelled.',
    nothing: 'It is not being sent: there is nothing to cancel.',
  },
  follow: {
    still: 'Stopped following: the batch was still “{{state}}” when the time to follow it ran out.',
    'stopped-because': 'Stopped following: {{why}}',
    'no-server':
      'Stopped following: neither server answered, so the batch may still be processing (last seen “{{state}}”; {{failures}}).',
    vanished_one:
      'The file is no longer on the server ({{count, number}} look over {{ms}}): someone deleted or renamed it.',
    vanished_other:
      'The file is no longer on the server ({{count, number}} looks over {{ms}}): someone deleted or renamed it.',
    'cause-not-downloaded': 'The rejected file could not be fetched: the server {{reason}}.',
    'no-cause': 'The rejected file does not say why.',
    'cause-unread':
      'The provider’s reason is not written the way Sendsheet reads it: the end of the rejected file follows, as the server wrote it.',
  },
  test: {
    'server-answered_one':
      'server {{server}} answered in {{ms}} ({{count, number}} file in your account’s folder)',
    'server-answered_other':
      'server {{server}} answered in {{ms}} ({{count, number}} files in your account’s folder)',
    connected: 'Connected: logged in as {{user}}; {{answered}}.',
    'one-server':
      'Connected, with one server only: {{answered}}; {{failures}}. Sending still works, through the server that answers.',
    'login-refused': 'Not connected: the user name or password was not accepted ({{failures}}).',
    'not-connected': 'Not connected: {{failures}}.',
    'no-password': 'Not tested: the profile “{{profile}}” has no password yet.',
  },
  app: {
    'not-answering': 'Sendsheet is not answering: check that it is still running, then try again.',
    refused: 'Sendsheet could not do this. Reload the page and try again.',
    failed:
      'Something went wrong in Sendsheet. Try again; if it happens again, tell support what you did.',
  },
} as const satisfies SaidCatalogue;
