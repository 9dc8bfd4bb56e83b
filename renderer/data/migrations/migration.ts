import type { Transaction } from 'dexie';

/** One schema version: its complete store list (every earlier store repeated, so nothing is dropped by omission) and an optional data step. */
export interface Migration {
  version: number;
  stores: Readonly<Record<string, string>>;
  /** Runs inside Dexie's upgrade transaction when a desk moves from an earlier version to this one. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
