/**
 * Where events come from, and what storing them involves. The one write path (eventStore.ts) reads
 * this table instead of each caller repeating its own version of the steps.
 */
export type Origin = 'command' | 'import' | 'sync' | 'snapshot' | 'restore' | 'restamp';

export interface OriginRules {
  /**
   * The events' ids were made just now (a command): none can be stored yet, and an inquiry the events
   * name that has no row is new, so nothing is looked up first.
   */
  newIds: boolean;
  /** This desk's own events without a link get the next links of its hash chain. */
  chain: boolean;
  /** What sync's outbox is told: new entries for this desk's new events, or their new stamps. */
  outbox: 'add' | 'update' | 'none';
  /** The events replace stored ones of the same id (new stamps), rather than adding to them. */
  replaces: boolean;
  /** The actors are remembered as people of this log (a restore brings the copy's list with it). */
  rememberPeople: boolean;
  /** Windows are told which inquiries changed (a restore is followed by a reload instead). */
  publish: boolean;
  /**
   * An inquiry that has a row is not folded again: a joining desk's fill-in, whose rows came from the
   * same snapshot as the events and hold them already (docs/sync.md "Joining"). Inquiries without one fold as sync's do.
   */
  keepRows: boolean;
}

export const ORIGINS: Record<Origin, OriginRules> = {
  command: { newIds: true, chain: true, outbox: 'add', replaces: false, rememberPeople: true, publish: true, keepRows: false },
  import: { newIds: false, chain: true, outbox: 'add', replaces: false, rememberPeople: true, publish: true, keepRows: false },
  sync: { newIds: false, chain: false, outbox: 'none', replaces: false, rememberPeople: true, publish: true, keepRows: false },
  snapshot: { newIds: false, chain: false, outbox: 'none', replaces: false, rememberPeople: true, publish: true, keepRows: true },
  restore: { newIds: false, chain: false, outbox: 'none', replaces: false, rememberPeople: false, publish: false, keepRows: false },
  restamp: { newIds: false, chain: false, outbox: 'update', replaces: true, rememberPeople: false, publish: true, keepRows: false },
};
