/**
 * Which rows the list of every message shows, and in what order, for the filter chosen: the
 * positions of the rows, worked out from each row's standing (an error, a warning only, or
 * neither) rather than from the rows themselves. While the campaign's sender is invalid the
 * rows shown are made when read (preview-verdict.ts): a filter that read every row's problems
 * made 100,000 of them at the keystroke that made the sender invalid, and again at each key
 * after it (issue 16). The standings are the verdict's, corrected for the sender, so they are
 * made again only when the sender turns valid or invalid.
 */
import type { LeftOut } from './left-out';
import type { Preview } from './preview';
import { takesCampaignSender } from './preview-verdict';

export type ListFilter = 'all' | 'problems-first' | 'problems-only' | 'left-out';
export const LIST_FILTERS: readonly ListFilter[] = [
  'all',
  'problems-first',
  'problems-only',
  'left-out',
];

/** A row's standing: it has an error; it has a warning and no error; it has neither. */
export const STANDING = { error: 2, warning: 1, fine: 0 } as const;

/**
 * Each row's standing in the preview of a verdict built for verdictSettings (see
 * preview-verdict.ts), with a campaign sender that is `senderValid` or not: an invalid one is
 * an error of every row that takes it.
 */
export function rowStandings(verdict: Preview, senderValid: boolean): Uint8Array {
  const { rows, source } = verdict;
  const standings = new Uint8Array(rows.length);
  const everyRow = source.mapping.sender === null;
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position]!;
    standings[position] =
      row.errors.length > 0 ||
      (!senderValid && (everyRow || takesCampaignSender(source, row.index)))
        ? STANDING.error
        : row.warnings.length > 0
          ? STANDING.warning
          : STANDING.fine;
  }
  return standings;
}

/**
 * The positions of the rows the list shows, in its order, or null for every row in order.
 * `standings` is asked only by the filters of problems (it is made when first asked for),
 * `leftOut` (by row index, which is a row's position in the preview) only by the filter of
 * rows left out.
 */
export function listOrder(
  filter: ListFilter,
  standings: () => Uint8Array,
  leftOut: LeftOut | null,
): Int32Array | null {
  if (filter === 'all') return null;
  if (filter === 'left-out') {
    return positionsWhere(leftOut!.length, (position) => leftOut![position] !== 0);
  }
  const standing = standings();
  const count = standing.length;
  const bad = positionsWhere(count, (position) => standing[position] === STANDING.error);
  if (filter === 'problems-only') return bad;
  const order = new Int32Array(count);
  order.set(bad);
  let at = bad.length;
  for (const kind of [STANDING.warning, STANDING.fine]) {
    for (let position = 0; position < count; position++) {
      if (standing[position] === kind) order[at++] = position;
    }
  }
  return order;
}

function positionsWhere(count: number, picked: (position: number) => boolean): Int32Array {
  let found = 0;
  for (let position = 0; position < count; position++) if (picked(position)) found++;
  const positions = new Int32Array(found);
  let at = 0;
  for (let position = 0; position < count; position++) {
    if (picked(position)) positions[at++] = position;
  }
  return positions;
}
