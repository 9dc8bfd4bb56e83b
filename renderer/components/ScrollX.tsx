import type { ReactNode } from 'react';

/**
 * A table that may be wider than a narrow window (200-400 % zoom) scrolls in this box, not the page: a named region
 * keyboard users can Tab to and scroll with the arrow keys. `className` 'table-frame' also limits its height (the
 * lead screens' ScrollFrame).
 */
export function ScrollX({ label, className = 'scroll-x', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it (WCAG 2.1.1).
    <section className={className} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
