/// <reference lib="webworker" />
/**
 * The reading worker: one file in, sheets of text out. A worker is used once and then ended,
 * so whatever a crafted file does to this worker's objects dies with it.
 */
import { readAnyFile } from './spreadsheet';
import { packOutcome } from './transfer';
import { errorText } from '../../../core/contract/errors';

export interface ReadRequest {
  name: string;
  bytes: ArrayBuffer;
}

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { name, bytes } = event.data;
  let outcome;
  try {
    outcome = readAnyFile(name, new Uint8Array(bytes));
  } catch (error) {
    outcome = {
      ok: false as const,
      error: `${name} could not be read: ${errorText(error)}`,
    };
  }
  const { packed, transfer } = packOutcome(outcome);
  self.postMessage(packed, transfer);
};
