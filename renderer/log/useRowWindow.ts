import { type RefObject, useCallback, useLayoutEffect, useMemo, useState } from 'react';

/** A row in view: its index in the whole list and its top within the table body, in px. */
export interface WindowRow {
  index: number;
  start: number;
}

export interface RowWindow {
  /** The rows to put in the DOM: those in view plus `overscan` either side. */
  rows: WindowRow[];
  /** Index of the first of `rows`. */
  first: number;
  /** The body's full height: every row's, so the scrollbar is the whole list's. */
  totalHeight: number;
  /** Scrolls the least distance that brings row `index` fully into view, below the sticky header. */
  scrollToIndex(index: number): void;
}

/**
 * Which rows of a list of fixed-height rows are in view in the scrolling element. The work per
 * render is the rows in view, whatever the list's length: a general virtualiser measures every row
 * whenever the list changes, which at 100,000 rows cost more on each search keystroke than the
 * search itself. The element's first child is taken as the sticky header above the rows.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    read();
    // One read per frame however many scroll events arrive.
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const first = Math.max(0, Math.min(count, Math.floor(view.top / rowHeight)) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const rows = useMemo(() => {
    const out: WindowRow[] = [];
    for (let i = first; i < end; i++) out.push({ index: i, start: i * rowHeight });
    return out;
  }, [first, end, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const header = (el.querySelector('thead') as HTMLElement | null)?.offsetHeight ?? 0;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (header + top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = header + top + rowHeight - el.clientHeight;
    },
    [scrollRef, rowHeight],
  );

  return { rows, first, totalHeight: count * rowHeight, scrollToIndex };
}
