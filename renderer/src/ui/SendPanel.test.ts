// @vitest-environment happy-dom
import { act, createElement, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Batch, BatchListener, Service } from '../../../core/contract/api';
import { DEFAULT_CAMPAIGN } from '../logic/campaign-settings';
import { outgoingMessages } from '../logic/outgoing';
import { buildPreview } from '../logic/preview';
import { byColumn, sampleSheet } from '../logic/preview-test-util';
import { totalsOf } from '../logic/totals';
import { useSending } from '../stores/sending';
import { SendPanel } from './SendPanel';
import type { PreviewData } from './usePreview';

// The Timeline is the one part that shows the batches' events: without it, what renders is the
// panel alone.
vi.mock('./Timeline', () => ({ Timeline: () => null }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The service's batch events, pushed by the test. */
const listeners = new Set<BatchListener>();
window.sendsheet = {
  subscribe(listener: BatchListener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
} as Partial<Service> as Service;

const uploading: Batch = {
  id: 'b1',
  fileName: 'november.csv',
  uploadName: 'november.20261125T031700.csv.excel.ready',
  profile: 'emulated',
  server: 'A',
  note: null,
  rows: 3,
  parts: 3,
  bytes: 120,
  state: 'uploading',
  stamp: null,
  progress: null,
  times: { uploading: '2026-11-25T03:17:00Z' },
  cause: null,
  error: null,
};

function previewData(): PreviewData {
  const preview = buildPreview(sampleSheet, byColumn, DEFAULT_CAMPAIGN);
  return {
    preview,
    totals: totalsOf(preview.rows),
    outgoing: () => outgoingMessages(preview.rows),
  };
}

describe('the send panel and the batches it sent', () => {
  let root: Root;
  let renders = 0;
  let stopListening: () => void;

  beforeEach(async () => {
    renders = 0;
    root = createRoot(document.body.appendChild(document.createElement('div')));
    const data = previewData();
    await act(async () =>
      root.render(
        createElement(
          Profiler,
          { id: 'send-panel', onRender: () => renders++ },
          createElement(SendPanel, { data }),
        ),
      ),
    );
    stopListening = useSending.getState().listen();
  });

  afterEach(() => {
    stopListening();
    act(() => root.unmount());
  });

  it('does not render again at each upload progress event, only the timeline does', () => {
    const before = renders;
    for (const percent of [10, 40, 70, 100])
      act(() => {
        for (const listener of listeners)
          listener({ ...uploading, progress: { bytes: percent, total: 100, percent } });
      });
    // The events reached the store...
    expect(useSending.getState().batches['b1']?.progress?.percent).toBe(100);
    // ...and the panel was left alone.
    expect(renders).toBe(before);
    // What the panel shows does render it.
    act(() => useSending.setState({ busy: true }));
    expect(renders).toBe(before + 1);
  });
});
