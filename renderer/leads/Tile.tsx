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

/** A share as a tile: the percentage, and "12 of 20 decided" under it (green: a share of what went right). */
export function ShareTile({ label, count, decided, pct }: { label: string; count: number; decided: number; pct: string }) {
  return (
    <Tile
      label={label}
      tone="ok"
      note={
        <>
          {count.toLocaleString('en-US')} of {decided.toLocaleString('en-US')} decided
        </>
      }
    >
      {pct}
    </Tile>
  );
}
