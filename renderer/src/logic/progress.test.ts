import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch, BatchState } from '../../../core/contract/api';
import { allSteps, exportSteps, writeExport } from '../../../core/writer';
import type { OutgoingMessage } from '../../../core/writer';
import { exportStepCount, runSteps, sendProgress } from './progress';

const messages = (n: number, text = 'Hej'): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ msisdn: `45${20_000_000 + i}`, message: text }));

function batch(id: string, state: BatchState, percent: number | null = null): Batch {
  return {
    id,
    campaign: 'c1',
    fileName: `${id}.csv`,
    uploadName: `${id}.csv.ready`,
    profile: 'emulated',
    server: 'A',
    note: null,
    rows: 1,
    parts: 1,
    bytes: 10,
    state,
    stamp: null,
    progress: percent === null ? null : { bytes: percent, total: 100, percent },
    times: {},
    cause: null,
    error: null,
    practice: true,
    test: false,
    cost: null,
  };
}

describe("the export's steps, for its progress bar", () => {
  it('are counted as core takes them, for any count and file size (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (n, per) => {
          let steps = 0;
          const run = exportSteps(messages(n), { baseName: 'b', rowsPerFile: per });
          while (!run.next().done) steps++;
          // Windows-1252 text: the encoding's pass goes through every message, as estimated.
          expect(steps).toBe(exportStepCount(n, per));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never counts fewer than a UTF-8 export takes, whose encoding pass ends early', () => {
    let steps = 0;
    const run = exportSteps(messages(7_000, 'Ωmega'), { baseName: 'b', rowsPerFile: 3_000 });
    while (!run.next().done) steps++;
    expect(steps).toBeLessThanOrEqual(exportStepCount(7_000, 3_000));
    expect(steps).toBeGreaterThan(0);
  });

  it('run in slices give what one run gives, and tell how far they are', async () => {
    const options = { baseName: 'b', rowsPerFile: 2_500 };
    const told: number[] = [];
    // A slice of 0 ms: a frame after every step, each step told.
    const sliced = await runSteps(exportSteps(messages(9_000), options), (d) => told.push(d), 0);
    expect(sliced).toEqual(allSteps(exportSteps(messages(9_000), options)));
    expect(sliced).toEqual(writeExport(messages(9_000), options));
    expect(told).toEqual(Array.from({ length: told.length }, (_, i) => i + 1));
    expect(told.at(-1)).toBe(exportStepCount(9_000, 2_500));
  });
});

describe("a send's progress from its batches", () => {
  it('is none before a send, and none once every file has ended', () => {
    expect(sendProgress([batch('a', 'uploading')], null)).toBeNull();
    expect(sendProgress([batch('a', 'uploading')], 'other')).toBeNull();
    expect(sendProgress([batch('a', 'success'), batch('b', 'rejected')], 'c1')).toBeNull();
  });

  it('uploads file k of n, with the part of it sent', () => {
    expect(sendProgress([batch('a', 'uploading', 40), batch('b', 'uploading')], 'c1')).toEqual({
      stage: 'uploading',
      file: 1,
      files: 2,
      percent: 40,
    });
    expect(
      sendProgress([batch('a', 'success'), batch('b', 'ready'), batch('c', 'uploading', 10)], 'c1'),
    ).toEqual({ stage: 'uploading', file: 3, files: 3, percent: 10 });
  });

  it('then counts the files the provider has processed', () => {
    expect(
      sendProgress([batch('a', 'success'), batch('b', 'processing'), batch('c', 'ready')], 'c1'),
    ).toEqual({ stage: 'processing', done: 1, files: 3 });
  });
});
