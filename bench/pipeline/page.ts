/**
 * The page of the pipeline bench: reads a workbook in a worker (read-worker.ts) and then runs
 * the app's own preview code on the sheet (renderer/src/logic), timing each stage, so that the
 * profile of a drop says where its time goes. It shows nothing: React's part is what the app's
 * own drop takes beyond these stages (ui-growth.bench.ts).
 */
import { readMessages, readNumbers } from '../../renderer/src/logic/columns';
import { DEFAULT_CAMPAIGN } from '../../renderer/src/logic/campaign-settings';
import { guessMapping } from '../../renderer/src/logic/mapping';
import { outgoingMessages } from '../../renderer/src/logic/outgoing';
import { assemblePreview } from '../../renderer/src/logic/preview';
import type { Sheet } from '../../renderer/src/logic/sheet';
import { totalsOf } from '../../renderer/src/logic/totals';
import { unpackOutcome } from '../../renderer/src/worker/transfer';
import type { PackedOutcome } from '../../renderer/src/worker/transfer';
import type { ReadMode, ReadTimes } from './read-worker';

export interface ReadRun extends ReadTimes {
  mode: ReadMode;
  /** From handing the bytes to the worker to its result here, ms. */
  totalMs: number;
  /**
   * From the worker's post of its result to the page's message event, ms (the clone's transit;
   * the pieces of text, posted ahead, are made on the page meanwhile).
   */
  transitMs: number;
  /** Reading the event's data: the structured clone made into the page's objects, ms. */
  deserializeMs: number;
  /** For `app-transfer`: the packed outcome made the app's again (unpackOutcome), ms. */
  unpackMs: number;
  error: string | null;
}

export interface StageTimes {
  rows: number;
  mappingMs: number;
  numbersMs: number;
  messagesMs: number;
  previewMs: number;
  totalsMs: number;
  outgoingMs: number;
  rowsWithErrors: number;
}

const kept: { sheet: Sheet | null; results: unknown[] } = { sheet: null, results: [] };

async function read(mode: ReadMode, name: string, url: string): Promise<ReadRun> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const worker = new Worker('./read-worker.js');
  const started = performance.now();
  try {
    return await new Promise<ReadRun>((resolve, reject) => {
      let run: Partial<ReadRun> = { mode, unpackMs: 0, error: null };
      const pieces: string[] = [];
      worker.onerror = (event) => reject(new Error(event.message));
      worker.onmessage = (event: MessageEvent) => {
        const receivedAt = performance.timeOrigin + performance.now();
        const deserializing = performance.now();
        const data = event.data as
          { result: unknown; postedAt: number } | { times: ReadTimes } | { piece: string };
        if ('piece' in data) {
          pieces.push(data.piece);
          return;
        }
        if ('times' in data) {
          resolve({ ...run, ...data.times } as ReadRun);
          return;
        }
        const { result } = data;
        run.deserializeMs = performance.now() - deserializing;
        run.transitMs = receivedAt - data.postedAt;
        run.totalMs = performance.now() - started;
        kept.sheet = null;
        if (result !== null) {
          const outcome = result as { ok: boolean; error?: string; sheets?: unknown[] };
          if (!outcome.ok) run.error = outcome.error ?? 'not read';
          else if (mode === 'app-transfer') {
            const unpacking = performance.now();
            const unpacked = unpackOutcome(result as PackedOutcome, pieces);
            kept.sheet = unpacked?.ok ? unpacked.sheets[0]! : null;
            run.unpackMs = performance.now() - unpacking;
          } else kept.sheet = outcome.sheets![0] as Sheet;
        }
        run = { ...run };
      };
      worker.postMessage({ mode, name, bytes }, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

/** The app's preview of the sheet last read, stage by stage, with the default settings. */
function stages(): StageTimes {
  const sheet = kept.sheet;
  if (sheet === null) throw new Error('no sheet was read');
  const settings = DEFAULT_CAMPAIGN;
  const [mapping, mappingMs] = timed(() => guessMapping(sheet));
  const [numbers, numbersMs] = timed(() =>
    readNumbers(sheet, mapping.msisdn, settings.defaultCountry),
  );
  const [messages, messagesMs] = timed(() => readMessages(sheet, mapping.message));
  const [preview, previewMs] = timed(() =>
    assemblePreview(sheet, mapping, settings, numbers, messages),
  );
  const [totals, totalsMs] = timed(() => totalsOf(preview.rows));
  const [outgoing, outgoingMs] = timed(() => outgoingMessages(preview.rows));
  // Held, as the app holds them, for the heap to be measured with them.
  kept.results = [numbers, messages, preview, totals, outgoing];
  return {
    rows: sheet.rowCount,
    mappingMs,
    numbersMs,
    messagesMs,
    previewMs,
    totalsMs,
    outgoingMs,
    rowsWithErrors: totals.rowsWithErrors,
  };
}

function release(): void {
  kept.sheet = null;
  kept.results = [];
}

(window as unknown as { pipeline: unknown }).pipeline = { read, stages, release };
