// Issue 6, native: a system notification when a batch ends, once per batch.
import { describe, expect, it } from 'vitest';
import { BATCH_STATES, FINAL_STATES } from '../../core/contract/api';
import type { Batch, BatchListener, BatchState } from '../../core/contract/api';
import { batchNotice, notifyWhenBatchesEnd } from './notifications';
import type { Notice } from './notifications';

function batch(state: BatchState, extra: Partial<Batch> = {}): Batch {
  return {
    id: 'b1',
    campaign: 'c1',
    fileName: 'april.csv',
    uploadName: 'april.csv.ready',
    profile: 'emulated',
    server: 'A',
    note: null,
    rows: 1234,
    parts: 1,
    bytes: 50_000,
    state,
    stamp: null,
    progress: null,
    times: {},
    cause: null,
    error: null,
    practice: false,
    test: false,
    cost: null,
    ...extra,
  };
}

describe('issue 6: the words of a batch that ended', () => {
  it('every final state has a notice; a state under way has none', () => {
    for (const state of BATCH_STATES)
      expect([state, batchNotice(batch(state)) !== null]).toEqual([
        state,
        FINAL_STATES.includes(state),
      ]);
  });

  it('success counts the messages', () => {
    expect(batchNotice(batch('success'))).toEqual({
      title: 'Batch sent',
      body: 'april.csv: the server accepted 1,234 messages.',
    });
    expect(batchNotice(batch('success', { rows: 1 }))!.body).toContain('1 message.');
  });

  it('issue 13: practice says that nothing left the computer; a test says it is one', () => {
    expect(batchNotice(batch('success', { practice: true }))).toEqual({
      title: 'Practice batch accepted',
      body: 'april.csv: the practice server accepted 1,234 messages. No SMS left this computer.',
    });
    expect(batchNotice(batch('success', { test: true }))!.title).toBe('Test sent');
    expect(batchNotice(batch('cancelled'))!.body).toContain('Nothing was sent.');
    expect(batchNotice(batch('unknown', { error: 'Neither answered.' }))!.body).toBe(
      'april.csv: Neither answered.',
    );
  });

  it('rejected counts the problems of the cause, and says nothing was sent', () => {
    const cause = { at: '2026-04-01T10:00:00Z', total: 3, problems: [], more: 0 };
    expect(batchNotice(batch('rejected', { cause }))).toEqual({
      title: 'Batch rejected',
      body: 'april.csv: the server rejected it (3 problems). Nothing was sent.',
    });
    expect(batchNotice(batch('rejected'))!.body).toContain('(its problems)');
  });

  it('failed, timed-out and vanished say what happened, in the words of the batch', () => {
    const error = 'Neither server answered.';
    expect(batchNotice(batch('failed', { error }))).toEqual({
      title: 'Batch not sent',
      body: `april.csv: ${error}`,
    });
    expect(batchNotice(batch('timed-out'))!.title).toBe('Batch still unfinished');
    expect(batchNotice(batch('vanished'))!.body).toMatch(/left the server/);
  });
});

describe('issue 6: notifying as batches end', () => {
  function events() {
    const listeners = new Set<BatchListener>();
    return {
      events: {
        subscribe(listener: BatchListener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      emit: (b: Batch) => listeners.forEach((listener) => listener(b)),
      count: () => listeners.size,
    };
  }

  it('once per batch, at its end, not on its way there', () => {
    const { events: source, emit } = events();
    const shown: Notice[] = [];
    notifyWhenBatchesEnd(source, (notice) => shown.push(notice));
    emit(batch('uploading'));
    emit(batch('ready'));
    emit(batch('processing'));
    expect(shown).toEqual([]);
    emit(batch('success'));
    emit(batch('success'));
    expect(shown.map((notice) => notice.title)).toEqual(['Batch sent']);
    emit(batch('failed', { id: 'b2' }));
    expect(shown.map((notice) => notice.title)).toEqual(['Batch sent', 'Batch not sent']);
  });

  it('stops when asked', () => {
    const { events: source, emit, count } = events();
    const shown: Notice[] = [];
    const stop = notifyWhenBatchesEnd(source, (notice) => shown.push(notice));
    stop();
    emit(batch('success'));
    expect(shown).toEqual([]);
    expect(count()).toBe(0);
  });
});
