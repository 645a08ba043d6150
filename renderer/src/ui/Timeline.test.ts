import { createElement, isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Batch } from '../../../core/contract/api';
import { BatchView } from './Timeline';

/** A batch the provider rejected, with problems on rows 2 and 4 of the file and one on none. */
const rejected: Batch = {
  id: 'b1',
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
};

/** Every element in a rendered tree, so its buttons can be pressed without a DOM. */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}

function text(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  if (!isValidElement<{ children?: ReactNode }>(node)) return '';
  return text(node.props.children);
}

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
    const buttons = elements(BatchView({ batch: rejected, rowOf, onRow })).filter(
      (element) => element.type === 'button',
    );
    expect(buttons.map(text)).toEqual(['Row 2 of the file', 'Row 4 of the file']);
    for (const button of buttons) (button.props.onClick as () => void)();
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
