// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRowWindow, type RowWindow } from '../../src/renderer/features/inbox/useRowWindow';

const ROW = 32;
const HEADER = 32;

/** A scroller of `height` px over `count` rows; happy-dom has no layout, so its size is set by hand. */
function mount(count: number, height: number) {
  const seen: { current: RowWindow | null; scroller: HTMLDivElement | null; renders: number } = { current: null, scroller: null, renders: 0 };
  function List() {
    const ref = useRef<HTMLDivElement>(null);
    seen.renders++;
    seen.current = useRowWindow(ref, { count, rowHeight: ROW, headerHeight: HEADER, overscan: 4, fallbackHeight: 800 });
    return <div ref={ref} data-testid="scroller" />;
  }
  const view = render(<List />);
  const scroller = view.getByTestId('scroller') as HTMLDivElement;
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => height });
  seen.scroller = scroller;
  const scrollTo = (top: number) =>
    act(() => {
      scroller.scrollTop = top;
      scroller.dispatchEvent(new Event('scroll'));
    });
  return { seen, scroller, scrollTo };
}

describe('useRowWindow (the inbox list’s rows in view)', () => {
  afterEach(cleanup);

  it('renders the rows in view plus the overscan, wherever the list is scrolled in 250,000 rows', () => {
    const { seen, scrollTo } = mount(250_000, 800);
    // At the top: rows 0..24 fill 800 px below the header; 4 more below.
    scrollTo(0);
    expect([seen.current!.first, seen.current!.last]).toEqual([0, 0 + 25 + 4]);
    // Deep in the list: row 150,000 sits right under the header.
    scrollTo(150_000 * ROW);
    expect([seen.current!.first, seen.current!.last]).toEqual([150_000 - 4, 150_000 + 25 + 4]);
    expect(seen.current!.offsetOf(150_000)).toBe(HEADER + 150_000 * ROW);
    // At the end the window stops at the last row.
    scrollTo(250_000 * ROW + HEADER - 800);
    expect(seen.current!.last).toBe(249_999);
    expect(seen.current!.totalHeight).toBe(HEADER + 250_000 * ROW);
  });

  it('keeps the same window while scrolling within a row, so nothing re-renders', () => {
    const { seen, scrollTo } = mount(1000, 800);
    scrollTo(10 * ROW);
    const before = seen.current!;
    const renders = seen.renders;
    scrollTo(10 * ROW + 20);
    expect([seen.current!.first, seen.current!.last]).toEqual([before.first, before.last]);
    expect(seen.renders).toBe(renders);
    // Crossing into the next row moves the window by one.
    scrollTo(11 * ROW);
    expect(seen.current!.first).toBe(before.first + 1);
  });

  it('scrolls as little as needed to show a row whole below the header', () => {
    const { seen, scroller, scrollTo } = mount(1000, 800);
    scrollTo(100 * ROW);
    // Already in view: no scrolling.
    act(() => seen.current!.scrollIntoView(105));
    expect(scroller.scrollTop).toBe(100 * ROW);
    // Above the view: it comes to the top, under the header.
    act(() => seen.current!.scrollIntoView(40));
    expect(scroller.scrollTop).toBe(40 * ROW);
    // Below the view: it comes to the bottom edge.
    act(() => seen.current!.scrollIntoView(300));
    expect(scroller.scrollTop).toBe(HEADER + 301 * ROW - 800);
    act(() => seen.current!.scrollToTop());
    expect(scroller.scrollTop).toBe(0);
  });

  it('renders nothing for an empty list', () => {
    const { seen } = mount(0, 800);
    expect(seen.current!.last).toBeLessThan(seen.current!.first);
  });
});
