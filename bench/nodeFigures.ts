import { deserialize, serialize } from 'node:v8';
import { dueSummary } from '../shared/inquiry/due';
import type { InquiryEvent } from '../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../shared/inquiry/projection';
import { type Figure, figure } from './report';
import { median, timeRuns } from './stats';

/**
 * The figures measured in Node over the generated data: recomputing what is due on every open
 * inquiry (shared/inquiry/due.ts), and re-projecting every inquiry from its events (shared/inquiry/projection.ts).
 */
export async function nodeFigures(
  data: { events: readonly InquiryEvent[]; openStates: readonly InquiryRecord[] },
  runs: number,
): Promise<Figure[]> {
  // The records as the app holds them: read back from IndexedDB, which hands out structured-clone
  // copies (each record laid out afresh). The generator's own objects carry the shapes of how they
  // were built, command by command (18 shapes of workflow), which no record read from storage has.
  const open = deserialize(serialize(data.openStates)) as InquiryRecord[];
  if (open.some((r) => r.status !== 'open')) throw new Error('openStates must all be open');

  let sink = 0;
  const due = await timeRuns(
    runs,
    () => {
      for (const r of open) if (dueSummary(r).next) sink++;
    },
    1,
  );
  const dueFloor = await timeRuns(
    runs,
    () => {
      sink += open.filter((r) => r.status === 'open').length;
    },
    1,
  );

  const group = (): Map<string, InquiryEvent[]> => {
    const by = new Map<string, InquiryEvent[]>();
    for (const e of data.events) {
      const list = by.get(e.inquiryId);
      if (list) list.push(e);
      else by.set(e.inquiryId, [e]);
    }
    return by;
  };
  const projectRuns = Math.max(1, Math.ceil(runs / 2));
  const projection = await timeRuns(projectRuns, () => {
    for (const events of group().values()) if (projectInquiry(events)) sink++;
  });
  const groupFloor = await timeRuns(projectRuns, () => {
    sink += group().size;
  });
  if (sink === 0) throw new Error('nothing was computed');

  return [
    figure(`Due items recomputed for ${open.length.toLocaleString('en-US')} open inquiries (Node)`, median(due), 'ms', {
      budget: 100,
      floor: median(dueFloor),
      samples: due.length,
      note: 'dueSummary over each inquiry as it stood while open, as read back from storage (a structured-clone copy); floor: a bare Array.prototype.filter over the same records',
    }),
    figure(`Project ${data.events.length.toLocaleString('en-US')} events from scratch (Node)`, median(projection), 'ms', {
      floor: median(groupFloor),
      samples: projection.length,
      note: 'group by inquiry + projectInquiry per inquiry; floor: the bare grouping pass',
    }),
  ];
}
