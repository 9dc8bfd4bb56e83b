import { nextTargetAfter } from '../inquiry/nextDue';
import {
  filtersPredicate,
  type LogColumn,
  type LogQuery,
  type LogSort,
  type QueueTime,
  queuePredicate,
  SORT_KEYS,
  type SortKey,
  searchTermsOf,
  sortKeysAt,
} from './logQuery';
import { foldForSearch, type LogRow } from './logRow';

/**
 * One version of the log's rows, indexed for the log screen: the orders it has been shown in and
 * the rows' search text laid end to end. It answers what `comparatorOf` and `filterLogRows` define
 * (logQuery.ts), at 100,000 rows, within a frame or two.
 *
 * Why it is shaped so (measured on the benchmark's log, bench/README.md):
 * - Rows are tested in the order they sit in memory (the order the log was read), never in the
 *   order shown: walking 100,000 rows in a sorted order reads memory at random and took twice as
 *   long as the same test in memory order. The order shown is a list of positions (`order`).
 * - The search text of every 512 rows is one string, searched with `indexOf` from one match to the
 *   next row, instead of 100,000 calls on 100,000 strings scattered over the heap. A new version of
 *   the rows keeps the strings of the blocks whose rows did not change.
 * - A sort ranks each column's distinct values once, then orders the rows by rank with a stable
 *   counting sort over the log's default order (newest received, then case number, which are the
 *   tie-breaks of every order), instead of comparing strings 1.7 million times.
 */
export class LogIndex {
  private base: Int32Array | null = null;
  private readonly ranks = new Map<LogColumn, Ranks>();
  private readonly orders = new Map<string, Int32Array>();
  /**
   * Next due ranks by the instant that governs (shared/inquiry/nextDue.ts), which moves when a target passes: kept
   * with the span of moments they hold for, [from, until), and the orders built on them are dropped with them.
   */
  private nextDue: { ranks: Ranks; from: number; until: number } | null = null;
  private readonly text: SearchText;
  /** The last search, folded, and the rows holding it: the next keystroke looks only in those. */
  private lastSearch: { folded: string; terms: readonly string[]; matches: Uint8Array } | null = null;

  /** `previous`: the index of the rows before a change, whose search text is kept where the rows are the same. */
  constructor(
    readonly rows: readonly LogRow[],
    previous?: LogIndex,
  ) {
    this.text = new SearchText(rows, previous?.text);
  }

  /** Positions in `rows`, in the sort's order at `now`: `[...rows].sort(comparatorOf(sort, now))`, as positions. */
  order(sort: readonly LogSort[], now: number): Int32Array {
    const key = sort.map((s) => `${s.column}${s.desc ? '-' : '+'}`).join(',');
    if (sort.some((s) => s.column === 'nextDueAt')) this.nextDueRanksAt(now);
    let order = this.orders.get(key);
    if (!order) {
      // Least significant first: each pass is stable, so what it leaves equal stays in the order
      // of the pass before, ending with the default order (TIE_BREAK).
      order = this.defaultOrder();
      for (let k = sort.length - 1; k >= 0; k--) {
        const { column, desc } = sort[k] as LogSort;
        order = byRank(order, this.ranksOf(column), desc);
      }
      this.orders.set(key, order);
    }
    return order;
  }

  /** `filterLogRows(rows in that order, query, me, at)`: the query's rows, in the order given (from `order`). */
  select(order: Int32Array, query: Omit<LogQuery, 'sort'>, me: string, at: QueueTime): LogRow[] {
    const rows = this.rows;
    const queued = queuePredicate(query.queue, me, at);
    const filtered = filtersPredicate(query.filters);
    const keep = this.searched(query.search).slice();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as LogRow;
      if (keep[i] === 1 && !(queued(row) && (filtered === null || filtered(row)))) keep[i] = 0;
    }
    const out: LogRow[] = [];
    for (let p = 0; p < order.length; p++) {
      const i = order[p] as number;
      if (keep[i] === 1) out.push(rows[i] as LogRow);
    }
    return out;
  }

  /**
   * Builds the search text while the caller has time (`timeLeft()` in ms, as an idle callback's
   * deadline gives it), so that the first search does not wait for it. True once it is all built.
   */
  prepare(timeLeft: () => number): boolean {
    return this.text.build(timeLeft);
  }

  /** 1 for each row whose search text holds every word of `search`. */
  private searched(search: string): Uint8Array {
    const folded = foldForSearch(search);
    const last = this.lastSearch;
    if (last?.folded === folded) return last.matches;
    const terms = searchTermsOf(search);
    // Typing on (the search so far, then more) can only keep fewer rows: look only in those kept,
    // and only for the words that are new (the last word typed on, or another one).
    const from = last && folded.startsWith(last.folded) ? last : null;
    const words = from ? terms.filter((t) => !from.terms.includes(t)) : terms;
    const matches =
      words.length > 0 ? this.text.matching(words, from?.matches ?? null) : (from?.matches ?? new Uint8Array(this.rows.length).fill(1));
    this.lastSearch = { folded, terms, matches };
    return matches;
  }

  /**
   * Newest received first, then by case number, then as given: comparatorOf's tie-breaks. Case
   * numbers are compared only between inquiries received at the same moment (a handful), never ranked.
   */
  private defaultOrder(): Int32Array {
    if (!this.base) {
      const received = this.ranksOf('receivedAt');
      const identity = new Int32Array(this.rows.length);
      for (let i = 0; i < identity.length; i++) identity[i] = i;
      const order = byRank(identity, received, true);
      const caseKey = SORT_KEYS.caseNumber;
      const byCase = (a: number, b: number): number => {
        const ka = caseKey(this.rows[a] as LogRow);
        const kb = caseKey(this.rows[b] as LogRow);
        return ka === kb ? a - b : ka === '' ? 1 : kb === '' ? -1 : ka < kb ? -1 : 1;
      };
      for (let start = 0; start < order.length; ) {
        let end = start + 1;
        while (end < order.length && received.of[order[end] as number] === received.of[order[start] as number]) end += 1;
        if (end - start > 1) order.subarray(start, end).sort(byCase);
        start = end;
      }
      this.base = order;
    }
    return this.base;
  }

  /** The Next due ranks at `now`, rebuilt (with the orders using them) once a target has passed since they were built. */
  private nextDueRanksAt(now: number): Ranks {
    const held = this.nextDue;
    if (held && now >= held.from && now < held.until) return held.ranks;
    for (const k of [...this.orders.keys()]) if (k.includes('nextDueAt')) this.orders.delete(k);
    let until = Number.POSITIVE_INFINITY;
    for (const row of this.rows) if (row.dueTimes.length > 0) until = Math.min(until, nextTargetAfter(row.dueTimes, now));
    const ranks = timeRanks(this.rows, sortKeysAt(now).nextDueAt);
    this.nextDue = { ranks, from: now, until };
    return ranks;
  }

  private ranksOf(column: LogColumn): Ranks {
    if (column === 'nextDueAt') {
      if (!this.nextDue) throw new Error('Next due ranks are built by order(sort, now)');
      return this.nextDue.ranks;
    }
    let ranks = this.ranks.get(column);
    if (!ranks) {
      ranks = rank(this.rows, column);
      this.ranks.set(column, ranks);
    }
    return ranks;
  }
}

/** Each row's place among the column's distinct values, ascending; empty values all take `distinct`. */
interface Ranks {
  of: Int32Array;
  distinct: number;
}

/** The columns whose sort key is an instant (or '' for none); the others sort by text (Next due: nextDueRanksAt). */
const TIMES: ReadonlySet<LogColumn> = new Set(['receivedAt']);

// Plain loops into typed arrays throughout: at 100,000 rows, `Array.from` / `TypedArray.from` with a
// mapping function cost 15-20 ms each, the loop under 1 ms.
function rank(rows: readonly LogRow[], column: Exclude<LogColumn, 'nextDueAt'>): Ranks {
  return TIMES.has(column) ? timeRanks(rows, SORT_KEYS[column]) : textRanks(rows, SORT_KEYS[column]);
}

/** Ranks of instants: sorted as a typed array (natively), each found by binary search. */
function timeRanks(rows: readonly LogRow[], key: SortKey): Ranks {
  // Empty as NaN, which a typed array sorts last.
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i] as LogRow);
    values[i] = k === '' ? Number.NaN : (k as number);
  }
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let j = 0; j < sorted.length; j++) {
    const v = sorted[j] as number;
    if (Number.isNaN(v)) break;
    if (distinct === 0 || sorted[distinct - 1] !== v) sorted[distinct++] = v;
  }
  const of = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      of[i] = distinct;
      continue;
    }
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    of[i] = lo;
  }
  return { of, distinct };
}

/** Ranks of text: the distinct values sorted once, by UTF-16 code units as `<` compares them. */
function textRanks(rows: readonly LogRow[], key: SortKey): Ranks {
  const keys = new Array<string>(rows.length);
  const place = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const k = String(key(rows[i] as LogRow));
    keys[i] = k;
    if (k !== '') place.set(k, 0);
  }
  // The default sort compares strings by code units, as `<` does, without calling back into script.
  const values = [...place.keys()].sort();
  for (let r = 0; r < values.length; r++) place.set(values[r] as string, r);
  const of = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const k = keys[i] as string;
    of[i] = k === '' ? values.length : (place.get(k) as number);
  }
  return { of, distinct: values.length };
}

/** `order` stably sorted by rank (a counting sort); descending keeps empty values last. */
function byRank(order: Int32Array, ranks: Ranks, desc: boolean): Int32Array {
  const { of, distinct } = ranks;
  const bucket = (i: number): number => {
    const r = of[i] as number;
    return desc && r !== distinct ? distinct - 1 - r : r;
  };
  const starts = new Int32Array(distinct + 2);
  for (let p = 0; p < order.length; p++) {
    const b = bucket(order[p] as number) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  const out = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    const b = bucket(i);
    const at = starts[b] as number;
    out[at] = i;
    starts[b] = at + 1;
  }
  return out;
}

/** Rows per search block: a change to one row re-joins this many rows' text (a fraction of a millisecond). */
const BLOCK = 512;
/** Below one row in this many still in the running, a word is looked for in those rows alone. */
const FEW = 16;
/** More different words than a search holds (the box takes 200 characters): marks a row already ruled out. */
const OUT = 0xffff;

interface Block {
  /** The rows the text is of (a change to any of them makes a new block). */
  rows: readonly LogRow[];
  /** Their search text, joined by '\n' (no search word holds white space, so no match spans two rows). */
  text: string;
  /** Where each row's text starts in `text`, and one past the end. */
  starts: Int32Array;
}

/** The rows' search text, a block of rows to a string; built on the first search, then kept. */
class SearchText {
  private readonly blocks: (Block | undefined)[];

  constructor(
    private readonly rows: readonly LogRow[],
    previous?: SearchText,
  ) {
    this.blocks = new Array<Block | undefined>(Math.ceil(rows.length / BLOCK));
    for (let b = 0; b < this.blocks.length; b++) {
      const old = previous?.blocks[b];
      if (old && holds(old, rows, b * BLOCK)) this.blocks[b] = old;
    }
  }

  /** 1 for each row (by position) whose search text holds every term, else 0; only rows marked 1 in `within`, if given. */
  matching(terms: readonly string[], within: Uint8Array | null): Uint8Array {
    const n = this.rows.length;
    // How many of the words each row holds so far; OUT for a row not in `within`.
    const found = new Uint16Array(n);
    let left = n;
    if (within) {
      left = 0;
      for (let i = 0; i < n; i++) {
        if (within[i] === 1) left += 1;
        else found[i] = OUT;
      }
    }
    // The longest word first: usually the rarest, so the others have the fewest rows to look in.
    const words = [...new Set(terms)].sort((a, b) => b.length - a.length);
    words.forEach((word, k) => {
      if (left * FEW < n) {
        for (let i = 0; i < n; i++) if (found[i] === k && (this.rows[i] as LogRow).searchText.includes(word)) found[i] = k + 1;
      } else {
        for (let b = 0; b < this.blocks.length; b++) this.scan(b, word, k, found);
      }
      left = 0;
      for (let i = 0; i < n; i++) if (found[i] === k + 1) left += 1;
    });
    const matches = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (found[i] === words.length) matches[i] = 1;
    return matches;
  }

  /** Builds blocks while `timeLeft()` is above zero; true once all are built. */
  build(timeLeft: () => number): boolean {
    for (let b = 0; b < this.blocks.length; b++) {
      if (this.blocks[b]) continue;
      if (timeLeft() <= 0) return false;
      this.block(b);
    }
    return true;
  }

  /** Moves each row of block `b` that holds `word` and the `k` words before it on to k + 1. */
  private scan(b: number, word: string, k: number, found: Uint16Array): void {
    const { text, starts } = this.block(b);
    const first = b * BLOCK;
    let row = 0;
    let at = text.indexOf(word);
    while (at !== -1) {
      while ((starts[row + 1] as number) <= at) row += 1;
      if (found[first + row] === k) found[first + row] = k + 1;
      at = text.indexOf(word, starts[row + 1]);
    }
  }

  private block(b: number): Block {
    let block = this.blocks[b];
    if (!block) {
      const rows = this.rows.slice(b * BLOCK, (b + 1) * BLOCK);
      const starts = new Int32Array(rows.length + 1);
      for (let j = 0; j < rows.length; j++) starts[j + 1] = (starts[j] as number) + (rows[j] as LogRow).searchText.length + 1;
      block = { rows, text: rows.map((r) => r.searchText).join('\n'), starts };
      this.blocks[b] = block;
    }
    return block;
  }
}

/** Whether the block was built of exactly the rows at `from` onwards. */
function holds(block: Block, rows: readonly LogRow[], from: number): boolean {
  if (rows.length - from < block.rows.length) return false;
  if (block.rows.length < BLOCK && rows.length - from !== block.rows.length) return false;
  for (let j = 0; j < block.rows.length; j++) if (block.rows[j] !== rows[from + j]) return false;
  return true;
}
