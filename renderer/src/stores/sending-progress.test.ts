// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Batch, PrepareOutcome, PreparedSend, Service } from '../../../core/contract/api';
import type { OutgoingMessage } from '../../../core/writer';
import type { WorkProgress } from '../logic/progress';
import { useSending } from './sending';

const messages = (n: number): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ msisdn: `45${20_000_000 + i}`, message: 'Hej' }));

/** Every progress the store holds while `work` runs, in order, changes only. */
async function progressOf(work: () => Promise<unknown>): Promise<(WorkProgress | null)[]> {
  const seen: (WorkProgress | null)[] = [];
  const stop = useSending.subscribe((state, before) => {
    if (state.progress !== before.progress) seen.push(state.progress);
  });
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/** The service the store uses (chosen once, at its first use): each test puts its answers. */
const answers: Partial<Service> = {};
window.sendsheet = {
  prepareSend: (request) => answers.prepareSend!(request),
  sendPrepared: (request) => answers.sendPrepared!(request),
} as Partial<Service> as Service;

afterEach(() => useSending.setState({ progress: null, busy: false, lastCampaign: null }));

describe("the sending store's progress (issue 16)", () => {
  it('moves while an export is written in the page, and is gone when the files are', async () => {
    const seen = await progressOf(() =>
      useSending.getState().exportFiles(messages(30_000), { baseName: 'b', rowsPerFile: 7_000 }),
    );
    const writing = seen.filter((p) => p?.stage === 'writing') as Extract<
      WorkProgress,
      { stage: 'writing' }
    >[];
    expect(writing[0]!.done).toBe(0);
    // On any machine a slice of 40 ms is shorter than writing 30,000 messages: it moved at
    // least once, forward only, and never past its end.
    expect(writing.length).toBeGreaterThan(1);
    for (let k = 1; k < writing.length; k++) {
      expect(writing[k]!.done).toBeGreaterThan(writing[k - 1]!.done);
      expect(writing[k]!.done).toBeLessThanOrEqual(writing[k]!.total);
    }
    expect(seen.at(-1)).toBeNull();
    expect(useSending.getState().written).toHaveLength(5);
    expect(useSending.getState().busy).toBe(false);
  });

  it('says what starts before the page makes the messages, and waits for a frame', async () => {
    let after = false;
    const announced = useSending
      .getState()
      .announce({ stage: 'preparing', messages: 1_048_575 })
      .then(() => (after = true));
    expect(useSending.getState().busy).toBe(true);
    expect(useSending.getState().progress).toEqual({ stage: 'preparing', messages: 1_048_575 });
    expect(after).toBe(false);
    await announced;
    expect(after).toBe(true);
  });

  it("keeps the send's preparation as its progress until the service answers", async () => {
    let answer: (outcome: PrepareOutcome) => void = () => {};
    answers.prepareSend = () => new Promise((resolve) => (answer = resolve));
    const preparing = useSending
      .getState()
      .prepare(messages(3), [0, 1, 2], { baseName: 'b' }, 'emulated');
    expect(useSending.getState().progress).toEqual({ stage: 'preparing', messages: 3 });
    answer({ ok: false, error: 'no', problems: [] });
    await preparing;
    expect(useSending.getState().progress).toBeNull();
  });

  it('remembers the send made last, whose batches give the upload and processing progress', async () => {
    const batch = { id: 'b1', campaign: 'c9', state: 'uploading' } as Batch;
    answers.sendPrepared = async () => ({ ok: true, campaign: 'c9', batches: [batch] });
    useSending.setState({ prepared: { id: 'p1' } as PreparedSend, preparedRows: [0] });
    expect(await useSending.getState().sendPrepared(false)).toBe(true);
    expect(useSending.getState().lastCampaign).toBe('c9');
  });
});
