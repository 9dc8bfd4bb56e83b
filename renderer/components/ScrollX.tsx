import { type ReactNode, useEffect, useState } from 'react';

/**
 * A table that may be wider than a narrow window (200-400 % zoom) scrolls in this box, not the page: a named region.
 * While it does scroll, keyboard users can Tab to it and scroll with the arrow keys; a table that fits adds no tab
 * stop. `className` 'table-frame' also limits its height (the lead screens' ScrollFrame).
 */
export function ScrollX({ label, className = 'scroll-x', children }: { label: string; className?: string; children: ReactNode }) {
  const [box, setBox] = useState<HTMLElement | null>(null);
  const scrolls = useScrolls(box);
  return (
    // A scrolling region takes focus so keyboard users can scroll it (WCAG 2.1.1).
    <section ref={setBox} className={className} tabIndex={scrolls ? 0 : undefined} aria-label={label}>
      {children}
    </section>
  );
}

/** Whether the box's content is larger than the box, as the window and the content change size (true until measured). */
function useScrolls(box: HTMLElement | null): boolean {
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    if (box === null || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, [box]);
  return scrolls;
}
