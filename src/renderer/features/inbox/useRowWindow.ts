import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** A sticky header above the first row, inside the scroller. */
  headerHeight: number;
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
  /** The view's height before it has been laid out (and in test DOMs without layout). */
  fallbackHeight: number;
}

export interface RowWindow {
  /** First and last row to render, inclusive; `last < first` when there are none. */
  first: number;
  last: number;
  /** Top of row `index` within the scroller's content. */
  offsetOf: (index: number) => number;
  totalHeight: number;
  /** Scrolls as little as needed to show row `index` whole below the header. */
  scrollIntoView: (index: number) => void;
  scrollToTop: () => void;
}

/**
 * The rows of a fixed-row-height list that are in view, from the scroll position alone. Every row
 * is the same height, so where a row is and which rows are visible are one multiplication: nothing
 * is measured per row, and nothing grows with the number of rows. (TanStack Virtual, used before,
 * built a table of all 250,000 positions each time the count changed, a 100 ms task, and read
 * the scroller's layout on every scroll event.) State changes only when the view crosses a row
 * boundary or resizes, so scrolling within a row renders nothing.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const { count, rowHeight, headerHeight, overscan, fallbackHeight } = options;
  const [view, setView] = useState({ row: 0, height: fallbackHeight });

  // A passive effect, not a layout effect: reading the scroller's size forces the page's first
  // layout, which in a layout effect lands in the same task as the whole start's render (~85 ms).
  // After the first paint it is free; until then the fallback height decides the rows.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Compared here rather than in a state updater: an updater that returns the same state still
    // has React call the list component again on every scroll event.
    let last = { row: 0, height: fallbackHeight }; // the initial state
    const read = () => {
      const next = { row: Math.floor(el.scrollTop / rowHeight), height: el.clientHeight || fallbackHeight };
      if (next.row === last.row && next.height === last.height) return;
      last = next;
      setView(next);
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize?.disconnect();
    };
  }, [scrollRef, rowHeight, fallbackHeight]);

  // Rows sit below the sticky header: row i spans [header + i·h, header + (i+1)·h) and is in view
  // when it reaches below the header and above the bottom edge.
  const visibleRows = Math.ceil(Math.max(0, view.height - headerHeight) / rowHeight) + 1;
  const first = Math.max(0, view.row - overscan);
  const last = Math.min(count - 1, view.row + visibleRows + overscan);

  const scrollIntoView = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = index * rowHeight; // scrollTop that puts the row right under the header
      const height = el.clientHeight || fallbackHeight;
      const bottom = headerHeight + (index + 1) * rowHeight - height; // scrollTop that puts it at the bottom edge
      if (el.scrollTop > top) el.scrollTop = top;
      else if (el.scrollTop < bottom) el.scrollTop = bottom;
    },
    [scrollRef, rowHeight, headerHeight, fallbackHeight],
  );

  const scrollToTop = useCallback(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [scrollRef]);

  const offsetOf = useCallback((index: number) => headerHeight + index * rowHeight, [headerHeight, rowHeight]);

  return { first, last, offsetOf, totalHeight: headerHeight + count * rowHeight, scrollIntoView, scrollToTop };
}
