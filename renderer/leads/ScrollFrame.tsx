import type { ReactNode } from 'react';

/** A scrolling frame for a long table: a named region reachable by keyboard (Tab to it, then the arrow keys scroll it). */
export function ScrollFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it (WCAG 2.1.1).
    <section className="table-frame" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
