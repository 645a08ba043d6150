import {
  elementScroll,
  measureElement as measuredSize,
  observeElementOffset,
  useVirtualizer,
} from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useEffectEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { ucs2Characters } from '../logic/forcing';
import { codePointName } from '../logic/message-count';
import type { ShownRow } from '../logic/preview-verdict';
import type { LeftOut } from '../logic/left-out';
import { LIST_FILTERS, listOrder, STANDING } from '../logic/list-order';
import type { ListFilter } from '../logic/list-order';
import { inSlots } from '../logic/slots';
import { placed, rowsOffset, scrollerOffset, tallScroll } from '../logic/tall-scroll';
import type { TallScroll } from '../logic/tall-scroll';
import { useTranslation } from '../i18n';
import { problemText } from '../i18n/problem-text';
import { warningText } from '../i18n/warning-text';
import { on } from '../stores/commands';
import { useLeaveOut } from '../stores/leave-out';
import { Icon } from './icons';

/** The store's actions are the same functions for good: lines given them stay memoised. */
const toggleRow = (index: number) => useLeaveOut.getState().toggle(index);
const chooseRow = (index: number) => useLeaveOut.getState().choose(index);
/** The height of a line without problems; a line with them grows to show them whole. */
const ROW_HEIGHT = 34;
const COLUMN_KEYS = [
  'send',
  'row',
  'number',
  'message',
  'encoding',
  'units',
  'parts',
  'problems',
] as const;

/** The message with the characters that force UCS-2 marked, so the person sees which. */
function markedMessage(t: TFunction, row: ShownRow): ReactNode {
  if (row.encoding !== 'UCS-2') return row.message;
  const text = row.message;
  const spans = ucs2Characters(text);
  const pieces: ReactNode[] = [];
  let from = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const end = spans[k + 1]!;
    if (from < start) pieces.push(text.slice(from, start));
    const char = text.slice(start, end);
    pieces.push(
      <mark
        key={k}
        title={t('counter.forcingTitle', { code: codePointName(text.codePointAt(start)!) })}
      >
        {char === '\u00a0' ? t('preview.noBreakSpace') : char}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}

/** Every problem of a row, whole, in the app's language. */
function problemsText(t: TFunction, row: ShownRow): string {
  // Most rows with a problem have one: its sentence as it is, with no lists or joins made.
  if (row.errors.length === 1 && row.warnings.length === 0) return problemText(t, row.errors[0]!);
  if (row.errors.length === 0 && row.warnings.length === 1) return warningText(t, row.warnings[0]!);
  return [
    ...row.errors.map((problem) => problemText(t, problem)),
    ...row.warnings.map((warning) => warningText(t, warning)),
  ].join(' ');
}

interface LineProps {
  row: ShownRow;
  /** Index in the rows shown (after filtering). */
  position: number;
  start: number;
  focused: boolean;
  t: TFunction;
  /** Tells the list the line's height, which its problems' words set. */
  measure: (line: HTMLDivElement | null) => void;
  /** Why the row is left out of the send; 0 when it is sent. */
  leftOut: number;
}

/**
 * One line of the table. Memoised: while scrolling, only lines that show another row render;
 * the ones still showing theirs are left alone. A row left out or put back changes its own
 * line's `leftOut`, and only that line renders again.
 */
const PreviewLine = memo(function PreviewLine({
  row,
  position,
  start,
  focused,
  t,
  measure,
  leftOut,
}: LineProps) {
  const hasProblems = row.errors.length + row.warnings.length > 0;
  const problems = hasProblems ? problemsText(t, row) : '';
  const line = useRef<HTMLDivElement>(null);
  // A line is reused for the row scrolled in (see inSlots): the new row's height is measured
  // even where it equals the old one's, which no resize would report. Lines without problems
  // are ROW_HEIGHT high by their style and need no measuring.
  useLayoutEffect(() => {
    if (hasProblems) measure(line.current);
  }, [row, hasProblems, measure, problems]);
  return (
    <div
      ref={line}
      role="row"
      data-index={position}
      aria-rowindex={position + 2}
      data-row={row.sourceRow}
      className={`grid-row${row.errors.length > 0 ? ' has-error' : row.warnings.length > 0 ? ' has-warning' : ''}${leftOut === 0 ? '' : ' left-out'}${focused ? ' focused' : ''}`}
      style={{
        transform: `translateY(${start}px)`,
        minHeight: ROW_HEIGHT,
        height: hasProblems ? undefined : ROW_HEIGHT,
      }}
      onClick={() => chooseRow(row.index)}
    >
      <span role="cell">
        <input
          type="checkbox"
          checked={leftOut === 0}
          aria-label={t('preview.sendRow', { row: row.sourceRow })}
          onClick={(event) => event.stopPropagation()}
          onChange={() => toggleRow(row.index)}
        />
      </span>
      <span role="cell">{row.sourceRow}</span>
      <span
        role="cell"
        title={
          row.typedNumber !== row.msisdn
            ? t('preview.typedAs', { number: row.typedNumber })
            : undefined
        }
      >
        {row.msisdn}
      </span>
      <span role="cell" className="message" title={row.message}>
        {markedMessage(t, row)}
      </span>
      <span role="cell" data-testid="encoding" title={t(`preview.encodingTitles.${row.encoding}`)}>
        {t(`preview.encodings.${row.encoding}`)}
      </span>
      <span role="cell">{row.units}</span>
      <span role="cell" data-testid="parts">
        {row.parts}
      </span>
      <span role="cell" className="problems" data-testid="problems">
        {row.errors.length > 0 ? (
          <Icon name="problem" />
        ) : row.warnings.length > 0 ? (
          <Icon name="warning" />
        ) : null}{' '}
        {problems}
      </span>
    </div>
  );
});

export function PreviewTable({
  rows,
  leftOut,
  standings,
}: {
  rows: readonly ShownRow[];
  leftOut: LeftOut;
  /** Each row's standing (list-order.ts), made when a filter first asks for it. */
  standings: () => Uint8Array;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ListFilter>('all');
  const filterId = useId();
  /** The row chosen, or the one a rejection's cause led to (its index), marked until another is. */
  const focused = useLeaveOut((state) => state.chosen);
  // Only the filter of left-out rows depends on them: the others are not redone at each tick.
  const leftOutShown = filter === 'left-out' ? leftOut : null;
  // The rows are not read to filter them: while the sender is invalid each is made when read.
  const order = useMemo(
    () => (filter === 'all' ? null : listOrder(filter, standings, leftOutShown)),
    [filter, standings, leftOutShown],
  );
  const count = order === null ? rows.length : order.length;
  const shownAt = (position: number) => rows[order === null ? position : order[position]!]!;
  const scroller = useRef<HTMLDivElement>(null);
  // Past what a browser lays out, the scroller's offset is scaled to the rows' (tall-scroll.ts).
  const tall = useRef<TallScroll>({ height: 0, scale: 1 });
  /**
   * A line with problems is as high as their words, whole (issue 14: they were cut with "…"),
   * and measured. It is estimated as high as the last one measured: a line measured other than
   * its estimate makes the list place every line after it again, and with 100,000 lines each
   * with a warning, each line scrolled in did (the scroll's and the drop's last long frames).
   */
  const problemHeight = useRef(ROW_HEIGHT);
  const hasProblems = (position: number) =>
    position >= 0 &&
    position < count &&
    standings()[order === null ? position : order[position]!] !== STANDING.fine;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: (position) => (hasProblems(position) ? problemHeight.current : ROW_HEIGHT),
    measureElement: (element, entry, instance) => {
      const size = measuredSize(element, entry, instance);
      // A line is reused for another row (see inSlots): one without problems teaches nothing.
      if (hasProblems(instance.indexFromElement(element))) problemHeight.current = size;
      return size;
    },
    overscan: 6,
    observeElementOffset: (instance, seen) =>
      observeElementOffset(instance, (offset, scrolling) =>
        seen(rowsOffset(tall.current, offset), scrolling),
      ),
    scrollToFn: (offset, options, instance) =>
      elementScroll(scrollerOffset(tall.current, offset), options, instance),
  });
  tall.current = tallScroll(
    virtualizer.getTotalSize(),
    virtualizer.scrollRect?.height ?? scroller.current?.clientHeight ?? 0,
  );
  const offset = virtualizer.scrollOffset ?? 0;
  const items = virtualizer.getVirtualItems();
  // Lines are keyed by slot, not by row, and kept in slot order (inSlots): the line that
  // scrolls out is reused for the row that scrolls in, in place. Keyed by row, every row
  // scrolled in was a new element; keyed by slot but listed in row order, React moved half the
  // lines every frame, and Blink rebuilt each moved line's layout. The garbage of either made
  // the collector pause mid-scroll. The lines' order in the page then differs from the rows'
  // (as AG Grid's without ensureDomOrder); each line's aria-rowindex gives a screen reader its
  // place. The slots only grow, so a row or two more or less on screen moves no line.
  const slotCount = useRef(0);
  slotCount.current = Math.max(slotCount.current, items.length);
  const slots = inSlots(items, slotCount.current);
  const showRow = useEffectEvent((index: number) => {
    chooseRow(index);
    const position = order === null ? index : order.indexOf(index);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'center' });
  });
  useEffect(() => on('showRow', showRow), []);

  return (
    <section aria-labelledby="preview-heading" className="panel preview">
      <div className="preview-head">
        <h2 id="preview-heading">{t('preview.heading')}</h2>
        <label htmlFor={filterId}>{t('preview.show')}</label>
        <select
          id={filterId}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value as ListFilter)}
        >
          {LIST_FILTERS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`preview.filters.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div role="table" aria-label={t('preview.table')} aria-rowcount={count + 1} className="grid">
        <div role="rowgroup">
          <div role="row" className="grid-row grid-header" aria-rowindex={1}>
            {COLUMN_KEYS.map((column) => (
              <span key={column} role="columnheader">
                {t(`preview.columns.${column}`)}
              </span>
            ))}
          </div>
        </div>
        {/* The scroller is the rows' group: an element between a table and its rows hides
            them from a screen reader. */}
        <div
          ref={scroller}
          role="rowgroup"
          className="grid-body"
          tabIndex={0}
          aria-label={t('preview.scroller')}
          data-testid="preview-scroller"
        >
          <div style={{ height: tall.current.height, position: 'relative' }}>
            {slots.map((item, slot) => {
              if (item === null) return null;
              const row = shownAt(item.index);
              return (
                <PreviewLine
                  key={slot}
                  row={row}
                  position={item.index}
                  start={placed(tall.current, item.start, offset)}
                  focused={focused === row.index}
                  t={t}
                  measure={virtualizer.measureElement}
                  leftOut={leftOut[row.index] ?? 0}
                />
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
