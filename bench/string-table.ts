/**
 * How many strings the page's V8 keeps in its string table, read from a heap snapshot. Every
 * major garbage collection walks that table while the page waits, so row data that ends up in
 * it (a Map or Set keyed by the rows' text, in Chromium's V8) lengthens the pauses that a
 * scroll feels. See renderer/src/logic/text-map.ts.
 */
import type { Page } from 'playwright-core';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export async function internalizedStrings(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const [type, name, edges] = ['type', 'name', 'edge_count'].map((f) => fields.indexOf(f));
  const synthetic = snapshot.meta.node_types[0].indexOf('synthetic');
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + type!] === synthetic && strings[nodes[i + name!]!] === '(Internalized strings)')
      return nodes[i + edges!]!;
  }
  throw new Error('the heap snapshot has no (Internalized strings) root');
}
