import type { ReactNode } from 'react';

/** One figure of a lead screen's summary: its name, the figure, and a note under it; the tone colours it. */
export function Tile({ label, tone, note, children }: { label: ReactNode; tone?: string; note?: ReactNode; children: ReactNode }) {
  return (
    <div className={tone ? `tile tile-${tone}` : 'tile'}>
      <dt>{label}</dt>
      <dd>
        {children}
        {note !== undefined && <small>{note}</small>}
      </dd>
    </div>
  );
}
