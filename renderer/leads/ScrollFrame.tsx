import type { ReactNode } from 'react';
import { ScrollX } from '../components/ScrollX';

/** A scrolling frame for a long table: a named region reachable by keyboard (Tab to it, then the arrow keys scroll it). */
export function ScrollFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollX label={label} className="table-frame">
      {children}
    </ScrollX>
  );
}
