import type { CaseNumber } from '../../shared/inquiry/caseNumber';
import { addNote } from '../../shared/inquiry/commands/addNote';
import type { CommandContext } from '../../shared/inquiry/commands/context';
import { editFields } from '../../shared/inquiry/commands/editFields';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { TEST_POLICY } from '../../shared/inquiry/commands/testing';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryFields } from '../../shared/inquiry/fields';
import { type InquiryRecord, projectInquiry } from '../../shared/inquiry/projection';
import type { Actor } from '../../shared/people';
import { decodeHlc, encodeHlc, type Hlc, type HlcStamp, tickHlc } from '../../shared/sync/hlc';
import {
  clockAfterReceive,
  type IngestResult,
  initialSyncState,
  restampPlan,
  type SyncLocalState,
  type SyncStore,
} from '../../shared/sync/store';
import { asInstant, type Clock } from '../../shared/time/types';

/**
 * A desk's database in memory, implementing the same SyncStore contract as the Dexie one
 * (renderer/data/syncStore.ts) for the property test's thousands of runs. Local work goes
 * through the real commands (logInquiry, addNote, editFields), as Repo runs them.
 */
export class MemoryStore implements SyncStore {
  readonly events = new Map<string, InquiryEvent>();
  readonly outbox = new Set<string>();
  private state: SyncLocalState = initialSyncState();
  private hlc: Hlc;
  private locked = false;
  private ids = 0;
  private caseSeq = 0;

  constructor(
    readonly id: string,
    readonly clock: Clock,
    readonly actor: Actor = { id: `P-${id}`, name: `Person at ${id.slice(0, 5)}`, role: 'liaison' },
  ) {
    this.hlc = { wall: 0, counter: 0, deviceId: id };
  }

  // ---- local work, as Repo does it

  private context(): CommandContext {
    const now = this.clock.now();
    return {
      actor: this.actor,
      deviceId: this.id,
      now,
      stamp: () => {
        this.hlc = tickHlc(this.hlc, now);
        return encodeHlc(this.hlc);
      },
      newId: () => `01K${this.id.slice(0, 8)}${String(++this.ids).padStart(15, '0')}`,
      ...TEST_POLICY,
    };
  }

  private record(events: readonly InquiryEvent[]): void {
    for (const e of events) {
      this.events.set(e.id, e);
      this.outbox.add(e.id);
    }
  }

  log(fields: InquiryFields): string {
    const caseNumber = `261123-${this.id.slice(0, 5)}-${String(++this.caseSeq).padStart(3, '0')}` as CaseNumber;
    const events = logInquiry({ fields, caseNumber }, this.context());
    this.record(events);
    return events[0].inquiryId;
  }

  note(inquiryId: string, text: string): string | null {
    const state = this.inquiry(inquiryId);
    if (!state) return null;
    const [e] = addNote(state, { text }, this.context());
    this.record([e]);
    return e.id;
  }

  edit(inquiryId: string, changes: Partial<InquiryFields>): boolean {
    const state = this.inquiry(inquiryId);
    if (!state) return false;
    try {
      this.record(editFields(state, changes, this.context()));
      return true;
    } catch {
      return false; // no change
    }
  }

  inquiry(id: string): InquiryRecord | undefined {
    return projectInquiry([...this.events.values()].filter((e) => e.inquiryId === id));
  }

  /** Every inquiry's projection, by id. */
  projections(): Map<string, InquiryRecord> {
    const byInquiry = new Map<string, InquiryEvent[]>();
    for (const e of this.events.values()) byInquiry.set(e.inquiryId, [...(byInquiry.get(e.inquiryId) ?? []), e]);
    const out = new Map<string, InquiryRecord>();
    for (const [id, events] of byInquiry) {
      const r = projectInquiry(events);
      if (r) out.set(id, r);
    }
    return out;
  }

  // ---- SyncStore

  async deviceId(): Promise<string> {
    return this.id;
  }
  async deskLabel(): Promise<{ deskCode: string; label: string }> {
    return { deskCode: this.id.slice(0, 5), label: this.actor.name };
  }
  async loadState(): Promise<SyncLocalState> {
    return structuredClone(this.state);
  }
  async saveState(state: SyncLocalState): Promise<void> {
    this.state = structuredClone(state);
  }
  async pendingCount(): Promise<number> {
    return this.outbox.size;
  }
  async outboxBatch(limit: number): Promise<InquiryEvent[]> {
    return [...this.outbox]
      .map((id) => this.events.get(id) as InquiryEvent)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
      .slice(0, limit);
  }
  async markPublished(eventIds: readonly string[], state: SyncLocalState): Promise<void> {
    for (const id of eventIds) this.outbox.delete(id);
    await this.saveState(state);
  }
  async ingest(events: readonly InquiryEvent[], state: SyncLocalState, receive: HlcStamp | null, now: number): Promise<IngestResult> {
    const touched = new Set<string>();
    let added = 0;
    for (const e of events) {
      if (this.events.has(e.id)) continue;
      this.events.set(e.id, structuredClone(e));
      touched.add(e.inquiryId);
      added += 1;
    }
    this.hlc = clockAfterReceive(this.hlc, receive, now);
    await this.saveState(state);
    return { added, inquiryIds: [...touched] };
  }
  async eventsPage(afterId: string | null, limit: number): Promise<InquiryEvent[]> {
    return [...this.events.keys()]
      .sort()
      .filter((id) => afterId === null || id > afterId)
      .slice(0, limit)
      .map((id) => this.events.get(id) as InquiryEvent);
  }
  async requeue(from: HlcStamp, to: HlcStamp): Promise<number> {
    let n = 0;
    for (const e of this.events.values())
      if (e.deviceId === this.id && e.hlc >= from && e.hlc <= to && !this.outbox.has(e.id)) {
        this.outbox.add(e.id);
        n += 1;
      }
    return n;
  }
  async restampFuture(maxWall: number, now: number): Promise<number> {
    const unpublished = [...this.outbox].map((id) => this.events.get(id) as InquiryEvent);
    const late = new Set(unpublished.filter((e) => (decodeHlc(e.hlc)?.wall ?? 0) > maxWall).map((e) => e.id));
    const staying = [...this.events.values()].filter((e) => !late.has(e.id)).map((e) => e.hlc);
    const top = staying.sort().at(-1);
    const base: Hlc = { ...(top ? (decodeHlc(top) as Hlc) : { wall: 0, counter: 0 }), deviceId: this.id };
    const { stamps, clock } = restampPlan(unpublished, maxWall, base, now);
    for (const [id, hlc] of stamps) this.events.set(id, { ...(this.events.get(id) as InquiryEvent), hlc });
    this.hlc = clock;
    return stamps.size;
  }
  async localClock(): Promise<Hlc | null> {
    return this.hlc;
  }
  async withLock<T>(fn: () => Promise<T>): Promise<T | null> {
    if (this.locked) return null;
    this.locked = true;
    try {
      return await fn();
    } finally {
      this.locked = false;
    }
  }

  /** For the "clock off" tests: the stored clock as if this desk had been running fast. */
  setClock(h: Hlc): void {
    this.hlc = h;
  }
}

export const at = (iso: string) => asInstant(Date.parse(iso));
