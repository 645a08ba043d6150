// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Batch } from '../../../core/contract/api';
import { i18n } from '../i18n';
import { useSending } from '../stores/sending';
import { BatchView, Timeline } from './Timeline';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
void i18n.changeLanguage('en');

/** A batch the provider rejected, with problems on rows 2 and 4 of the file and one on none. */
const rejected: Batch = {
  id: 'b1',
  campaign: 'c1',
  fileName: 'november-2-of-2.csv',
  uploadName: 'november-2-of-2.20261125T031700.csv.excel.ready',
  profile: 'emulated',
  server: 'A',
  note: null,
  rows: 3,
  parts: 3,
  bytes: 120,
  state: 'rejected',
  stamp: '20261125T031701',
  progress: null,
  times: { uploading: '2026-11-25T03:17:00Z', rejected: '2026-11-25T03:17:01Z' },
  cause: {
    at: '2026-11-25T03:17:01Z',
    total: 3,
    more: 0,
    problems: [
      { row: 2, column: 'msisdn', code: 'bad-msisdn', message: 'The phone number is missing.' },
      { row: 4, column: 'message', code: 'empty-message', message: 'The message is empty.' },
      { row: null, column: null, code: 'mixed-class', message: 'Every class must agree.' },
    ],
  },
  error: null,
  practice: true,
  test: false,
  cost: null,
};

describe('a rejected batch: its cause, each row leading to the preview row it came from', () => {
  // This file held preview rows 10, 11 and 12 (the messages were split into files, so not from row 0).
  const rowOf = [10, 11, 12];

  it('shows every problem, with a link for each row the server named', () => {
    const html = renderToStaticMarkup(
      createElement(BatchView, { batch: rejected, rowOf, onRow() {} }),
    );
    expect(html).toContain('The provider found 3 problems');
    expect(html).toMatch(
      /<button[^>]*>Row 2 of the file<\/button> \(msisdn\): The phone number is missing\./,
    );
    expect(html).toMatch(
      /<button[^>]*>Row 4 of the file<\/button> \(message\): The message is empty\./,
    );
    expect(html).toContain('Every class must agree.');
    expect(html.match(/<button/g)).toHaveLength(2);
  });

  it('pressing a row link opens that preview row', () => {
    const onRow = vi.fn();
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() => root.render(createElement(BatchView, { batch: rejected, rowOf, onRow })));
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Row 2 of the file',
      'Row 4 of the file',
    ]);
    for (const button of buttons) act(() => button.click());
    act(() => root.unmount());
    // Row 2 is the file's first message (row 1 is the header): preview row 10; row 4 is 12.
    expect(onRow.mock.calls).toEqual([[10], [12]]);
  });

  it('names the rows without links where it does not know the preview rows', () => {
    const html = renderToStaticMarkup(createElement(BatchView, { batch: rejected }));
    expect(html).not.toContain('<button');
    expect(html).toContain('Row 2 (msisdn): The phone number is missing.');
  });
});

// Issue 19: a rejected file whose end is not a cause Sendsheet reads shows that end as it is.
describe("a rejected batch without a cause Sendsheet reads: the server's own words", () => {
  const unread: Batch = {
    ...rejected,
    cause: null,
    causeText: ['ERROR <script>: row 2 is wrong', '  see the manual'],
    error: "The provider's cause is not in the layout Sendsheet reads.",
  };

  it('shows its last lines as they are, marked as what the server wrote', () => {
    const html = renderToStaticMarkup(createElement(BatchView, { batch: unread }));
    expect(html).toContain('What the provider&#x27;s server wrote at the end of the file:');
    expect(html).toContain(
      '<pre data-testid="cause-text">ERROR &lt;script&gt;: row 2 is wrong\n  see the manual</pre>',
    );
    expect(html).toContain('not in the layout Sendsheet reads');
  });

  it('shows no such block for a batch recorded without it', () => {
    const html = renderToStaticMarkup(createElement(BatchView, { batch: rejected }));
    expect(html).not.toContain('cause-text');
  });
});

// Issue 14: History showed state codes (`timed-out`, `vanished`) and the CSV's name only.
describe('a batch in plain words, named by its spreadsheet', () => {
  const late: Batch = {
    ...rejected,
    state: 'timed-out',
    cause: null,
    spreadsheet: 'november.xlsx',
  };

  it.each([
    [
      'en',
      'november.xlsx, file november-2-of-2.csv',
      'Sent, but the provider has not answered yet',
    ],
    ['da', 'november.xlsx, fil november-2-of-2.csv', 'Sendt, men udbyderen har ikke svaret endnu'],
  ])('in %s', async (language, name, state) => {
    await i18n.changeLanguage(language);
    const html = renderToStaticMarkup(createElement(BatchView, { batch: late }));
    await i18n.changeLanguage('en');
    expect(html).toContain(name);
    expect(html).toContain(state);
    expect(html).not.toMatch(/>timed-out</);
  });

  it('names a batch sent as a file by the file alone', () => {
    const html = renderToStaticMarkup(createElement(BatchView, { batch: rejected }));
    expect(html).toContain('<svg');
    expect(html).toContain('november-2-of-2.csv — ');
  });
});

// Issue 14: after Send, the focus goes to the batch just sent, not to the page's body.
describe('the timeline after Send', () => {
  it('gives the focus to the batch just sent', () => {
    const uploading: Batch = { ...rejected, id: 'b2', state: 'uploading', cause: null };
    useSending.setState({
      batches: { b2: uploading },
      order: ['b2'],
      sent: { b2: { batchId: 'b2', rowOf: [0, 1, 2] } },
      justSent: 'b2',
      listen: () => () => {},
    });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(createElement(Timeline)));
    expect(document.activeElement?.getAttribute('data-batch')).toBe('b2');
    act(() => root.unmount());
    host.remove();
  });
});

// Issue 14: the batch's note and error are made on the Node side; they are said from their
// code and values in the UI's language, the English words under Details.
describe("the Node side's note and error in the UI's language", () => {
  const failedOver: Batch = {
    ...rejected,
    state: 'failed',
    cause: null,
    note: 'Server A (127.0.0.1:2121) refused the connection; using server B (127.0.0.1:2122).',
    noteSaid: {
      code: 'note.failover',
      values: { left: 'A', reason: { code: 'reason.refused-connection' }, using: 'B' },
    },
    error: 'The upload failed 5 times; nothing was sent.',
    errorSaid: { code: 'deliver.upload-failed', values: { count: 5 } },
  };

  it('in Danish, with the English words under Details', async () => {
    await i18n.changeLanguage('da');
    const html = renderToStaticMarkup(createElement(BatchView, { batch: failedOver }));
    await i18n.changeLanguage('en');
    expect(html).toContain('<p>Server A afviste forbindelsen; bruger server B i stedet.</p>');
    expect(html).toContain('<p>Uploaden mislykkedes 5 gange; intet blev sendt.</p>');
    expect(html).toContain('<summary>Detaljer</summary><p lang="en">Server A (127.0.0.1:2121)');
  });

  it('in its English words where the batch has no data (an older one)', () => {
    const older = { ...failedOver, noteSaid: undefined, errorSaid: null };
    const html = renderToStaticMarkup(createElement(BatchView, { batch: older }));
    expect(html).toContain(`<p>${older.note}</p>`);
    expect(html).not.toContain('<summary>');
  });
});
