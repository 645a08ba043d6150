// @vitest-environment happy-dom
import { act, createElement, Profiler, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Batch, BatchListener, ProfileSummary, Service } from '../../../core/contract/api';
import { leftOutCounts, noneLeftOut } from '../logic/left-out';
import { outgoingMessages, outgoingNeed } from '../logic/outgoing';
import { HEAP_RESERVE_BYTES } from '../worker/memory-fit';
import { rowStandings } from '../logic/list-order';
import { buildPreview } from '../logic/preview';
import { byColumn, sampleSheet } from '../logic/preview-test-util';
import { sheetFromRows } from '../logic/sheet';
import { totalsOf } from '../logic/totals';
import { useCampaign } from '../stores/campaign';
import { emit } from '../stores/commands';
import { useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';
import { useSending } from '../stores/sending';
import { SendPanel } from './SendPanel';
import { usePreview } from './usePreview';
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
  campaign: 'c1',
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
  practice: true,
  test: false,
  cost: null,
};

const practice: ProfileSummary = {
  id: 'emulated',
  name: 'Practice on this computer',
  servers: [],
  user: 'demo',
  hasPassword: true,
  practice: true,
  passwordKept: 'this-run',
};

function previewData(sheet = sampleSheet): PreviewData {
  // Made for the settings as they are: not lagging them.
  const settings = useCampaign.getState().settings;
  const preview = buildPreview(sheet, byColumn, settings);
  const leftOut = noneLeftOut(preview.rows.length);
  return {
    settings,
    preview,
    shown: preview.rows,
    standings: () => rowStandings(preview, true),
    totals: totalsOf(preview.rows, leftOut),
    leftOut,
    counts: leftOutCounts(preview.rows, leftOut),
    firstSendable: preview.rows.findIndex((row) => row.errors.length === 0),
    cost: null,
    outgoing: () => outgoingMessages(preview.rows, leftOut),
  };
}

describe('the send panel', () => {
  let root: Root;
  let mounted = false;
  let renders = 0;
  let stopListening: () => void;

  beforeEach(async () => {
    renders = 0;
    useSending.setState({ busy: false, error: null, problems: [] });
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
    mounted = true;
    stopListening = useSending.getState().listen();
  });

  afterEach(() => {
    stopListening();
    if (mounted) act(() => root.unmount());
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

  it("carries out the menu's commands while it is shown, and only then", async () => {
    let heard = 0;
    await act(async () => {
      heard = emit('export');
    });
    expect(heard).toBe(1);
    // The sample sheet has rows the provider would reject: the export says so, as the button's
    // (written in slices with a frame between them, so it ends a little later).
    await act(() =>
      vi.waitFor(() =>
        expect(useSending.getState().error).toBe(
          'Nothing was exported: fix the problems shown first.',
        ),
      ),
    );
    act(() => root.unmount());
    mounted = false;
    expect(emit('export')).toBe(0);
    expect(emit('send')).toBe(0);
  });
});

describe("issue 13: Send while this preview's batch uploads", () => {
  const clean = sheetFromRows('S', [
    ['Telefon', 'Navn', 'Besked'],
    ['+45 20 12 34 56', 'Ann', 'Hi Ann'],
    ['+45 20 12 34 57', 'Bo', 'Hi Bo'],
  ]);

  it('is disabled until the provider has the file, then enabled again', async () => {
    useSending.setState({
      busy: false,
      error: null,
      problems: [],
      profiles: [practice],
      sent: {},
      batches: {},
    });
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () => root.render(createElement(SendPanel, { data: previewData(clean) })));
    const stop = useSending.getState().listen();
    try {
      const send = () =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send…')!;
      expect(send().disabled).toBe(false);
      act(() => useSending.setState({ sent: { b1: { batchId: 'b1', rowOf: [0, 1] } } }));
      act(() => {
        for (const listener of listeners) listener(uploading);
      });
      expect(send().disabled).toBe(true);
      expect(document.body.textContent).toContain('A batch is still uploading');
      act(() => {
        for (const listener of listeners) listener({ ...uploading, state: 'ready' });
      });
      expect(send().disabled).toBe(false);
    } finally {
      stop();
      act(() => root.unmount());
    }
  });
});

describe('issue 16: a preview that lags the settings as typed', () => {
  const clean = sheetFromRows('S', [
    ['Telefon', 'Navn', 'Besked'],
    ['+45 20 12 34 56', 'Ann', 'Hi Ann'],
    ['+45 20 12 34 57', 'Bo', 'Hi Bo'],
  ]);
  const button = (name: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;

  beforeEach(() => {
    useCampaign.getState().reset({});
    useSending.setState({ busy: false, error: null, problems: [], profiles: [practice], sent: {} });
  });

  it('sends and exports nothing until it has caught up, by button or menu', async () => {
    const prepare = vi.fn(() => Promise.resolve(null));
    const exportFiles = vi.fn(() => Promise.resolve());
    useSending.setState({ prepare, exportFiles, announce: () => Promise.resolve() });
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    const before = previewData(clean);
    await act(async () => root.render(createElement(SendPanel, { data: before })));
    try {
      expect(button('Send…').disabled).toBe(false);
      // A keystroke: the settings as typed are ahead of the preview given to the panel.
      act(() => useCampaign.getState().update({ sender: 'Shop' }));
      expect(button('Send…').disabled).toBe(true);
      expect(button('Export file').disabled).toBe(true);
      await act(async () => {
        emit('send');
        emit('export');
      });
      expect(prepare).not.toHaveBeenCalled();
      expect(exportFiles).not.toHaveBeenCalled();
      // Caught up: the messages carry the sender as typed.
      const after = previewData(clean);
      expect(after.settings.sender).toBe('Shop');
      await act(async () => root.render(createElement(SendPanel, { data: after })));
      expect(button('Send…').disabled).toBe(false);
      await act(async () => {
        emit('send');
      });
      expect(prepare).toHaveBeenCalledTimes(1);
      const sent = (prepare.mock.calls[0] as unknown as [{ sender?: string }[]])[0];
      expect(sent.map((message) => message.sender)).toEqual(['Shop', 'Shop']);
    } finally {
      act(() => root.unmount());
    }
  });

  it('is what usePreview gives at the keystroke, caught up after its frame', async () => {
    useFile.setState({
      file: {
        status: 'ready',
        fileName: 'list.csv',
        bytes: 1,
        kind: 'text',
        sheets: [clean],
        encoding: 'utf-8',
        delimiter: ';',
        notes: [],
        readMs: 1,
      },
      sheetIndex: 0,
    });
    useMapping.getState().guessFor(clean);
    /** At each commit: the sender the preview is of, as typed, and whether Send was enabled. */
    const seen: [string, string, boolean][] = [];
    function Screen() {
      const data = usePreview();
      useLayoutEffect(() => {
        if (data === null) return;
        const typed = useCampaign.getState().settings.sender;
        seen.push([data.settings.sender, typed, !button('Send…').disabled]);
      });
      return data === null ? null : createElement(SendPanel, { data });
    }
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () => root.render(createElement(Screen)));
    try {
      seen.length = 0;
      for (const sender of ['Shop Nø', 'Shop N']) {
        await act(async () => useCampaign.getState().update({ sender }));
        // The preview follows after the frame (usePaintedFirst): a frame's time, then what
        // it scheduled is rendered as act ends.
        for (let frames = 0; seen.at(-1)![0] !== sender && frames < 50; frames++)
          await act(() => new Promise((frame) => setTimeout(frame, 20)));
      }
      // Each keystroke: a commit behind the typed sender, Send disabled, then one caught up.
      expect(seen).toEqual([
        ['', 'Shop Nø', false],
        ['Shop Nø', 'Shop Nø', false],
        ['Shop Nø', 'Shop N', false],
        ['Shop N', 'Shop N', true],
      ]);
    } finally {
      act(() => root.unmount());
    }
  });
});

describe('issue 16: messages the page could not hold', () => {
  const clean = sheetFromRows('S', [
    ['Telefon', 'Navn', 'Besked'],
    ['+45 20 12 34 56', 'Ann', 'Hi Ann'],
    ['+45 20 12 34 57', 'Bo', 'Hi Bo'],
  ]);
  const MIB = 1024 * 1024;
  const button = (name: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
  /** The heap as Chromium would report it: `free` bytes left before the reserve kept free. */
  const heapWith = (free: number) =>
    Object.defineProperty(performance, 'memory', {
      configurable: true,
      value: {
        jsHeapSizeLimit: 1024 * MIB,
        usedJSHeapSize: 1024 * MIB - HEAP_RESERVE_BYTES - free,
      },
    });

  afterEach(() => {
    delete (performance as { memory?: unknown }).memory;
  });

  it('are neither exported nor made ready to send, and the panel says why', async () => {
    useCampaign.getState().reset({});
    const prepare = vi.fn(() => Promise.resolve(null));
    const exportFiles = vi.fn(() => Promise.resolve());
    useSending.setState({
      busy: false,
      error: null,
      problems: [],
      profiles: [practice],
      sent: {},
      prepare,
      exportFiles,
      announce: () => Promise.resolve(),
    });
    const data = previewData(clean);
    const outgoing = vi.spyOn(data, 'outgoing');
    const need = outgoingNeed(data.preview.rows, 2);
    heapWith(need - 1);
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () => root.render(createElement(SendPanel, { data })));
    try {
      await act(async () => button('Export file').click());
      expect(document.querySelector('[data-testid=send-error]')?.textContent).toBe(
        'Nothing was exported: this computer does not give Sendsheet the memory to write 2 messages. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
      );
      await act(async () => button('Send…').click());
      expect(useSending.getState().errorSaid).toEqual({
        code: 'send.too-large-for-memory',
        values: { count: 2 },
      });
      // The messages were not made, and nothing was handed over.
      expect(outgoing).not.toHaveBeenCalled();
      expect(exportFiles).not.toHaveBeenCalled();
      expect(prepare).not.toHaveBeenCalled();
      // With room for them, they are.
      heapWith(need);
      await act(async () => button('Export file').click());
      expect(exportFiles).toHaveBeenCalledTimes(1);
      expect(outgoing).toHaveBeenCalledTimes(1);
    } finally {
      act(() => root.unmount());
    }
  });
});
