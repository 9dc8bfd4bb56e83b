import { z } from 'zod';
import { type InquiryEvent, parseEvent } from '../inquiry/events';
import type { InquiryRecord } from '../inquiry/projection';
import { fromUtf8, type SyncPlatform, utf8 } from './platform';

/**
 * What the encrypted files hold, as JSON (gzip-compressed when larger than 2 KB), each with a version so a later app can
 * read an older file (and an older app recognises a newer one and says so). Events inside are
 * parsed one by one with `parseEvent`: the envelope is the contract, their types are not sync's
 * business.
 */
export const PAYLOAD_VERSION = 1;

const deviceId = z.string().regex(/^[0-9A-Za-z]{1,64}$/);
const seq = z.number().int().min(0);
const version = z.number().int().min(1);

const segmentSchema = z.object({ v: version, device: deviceId, seq: seq.min(1), events: z.array(z.unknown()) });

/** A desk's heartbeat: who it is, how far it has published and read, and what it set aside. */
const deskStateSchema = z.object({
  v: version,
  device: deviceId,
  deskCode: z.string().max(16),
  /** Who is working at the desk (profile display names), so colleagues recognise it. */
  label: z.string().max(200),
  at: z.number().int().nonnegative(),
  /** The highest segment this desk has published (0: none). */
  lastSeq: seq,
  /** The lowest of its segments still on the share (after clean-up of older ones). */
  oldestSeq: seq,
  /** Per desk, the highest segment this desk has applied with every segment before it. */
  readThrough: z.record(z.string(), seq),
  /** Segments it could not read: their writers republish them. */
  quarantined: z.array(z.object({ device: deviceId, seq: seq.min(1) })).max(1000),
  /** Its own segments others reported unreadable that it has dealt with (published again, or never its own). */
  republished: z.array(seq).max(1000).default([]),
  /** Numbers of its own it never used: their names were taken by files it did not write (readers pass them at once). */
  skipped: z.array(seq).max(1000).default([]),
});
export type DeskState = z.infer<typeof deskStateSchema>;

const manifestSchema = z.object({
  v: version,
  stamp: z.string().max(100),
  by: deviceId,
  at: z.number().int().nonnegative(),
  /** Per desk, the highest segment whose events (and every earlier segment's) the snapshot holds. */
  frontier: z.record(z.string(), seq),
  parts: z.number().int().min(0).max(1_000_000),
  events: z.number().int().min(0),
  /** Digests of the event parts, then of the row parts (`rowParts` of them, numbered after the event parts). */
  partDigests: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  /**
   * Parts after the event parts holding every inquiry's row as the writer had projected it (read after
   * its events, so each row holds at least the snapshot's events of its inquiry): a new desk lists the
   * log from them before the events are in. An older snapshot has none (0), an older app ignores them.
   */
  rowParts: z.number().int().min(0).max(1_000_000).default(0),
  /** The projection the rows were folded by (ROW_FORMAT): rows of another are not used, the events are. */
  rowFormat: z.number().int().min(0).default(0),
});
export type SnapshotManifest = z.infer<typeof manifestSchema>;

const partSchema = z.object({ v: version, n: z.number().int().min(1), events: z.array(z.unknown()) });

/**
 * The version of the projection (shared/inquiry/projection.ts) that rows in a snapshot were folded by.
 * Raise it whenever the fold gives other rows for the same events: a desk then folds the events
 * itself instead of taking rows folded the old way. 2: a row's `fieldHlc` lists only the edited fields, the
 * others stamped by its `loggedHlc`.
 */
export const ROW_FORMAT = 2;

/** A row part: rows as projected, each checked for the fields the log and the fold rely on. */
const rowSchema = z
  .object({
    id: z.string().min(1).max(100),
    caseNumber: z.string().min(1).max(100),
    status: z.string().max(40),
    lastHlc: z.string().min(1).max(100),
    loggedAt: z.number(),
    updatedAt: z.number(),
    eventCount: z.number().int().min(1),
    noteCount: z.number().int().min(0),
    fieldHlc: z.record(z.string(), z.string()),
    workflow: z.object({}).passthrough(),
  })
  .passthrough();
const rowPartSchema = z.object({ v: version, n: z.number().int().min(1), format: z.number().int(), rows: z.array(rowSchema) });

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: 'damaged' | 'newer_format' };

/** Smaller payloads (heartbeats, a few events) are stored as plain JSON: gzip would cost more than it saves. */
const GZIP_ABOVE = 2048;
const GZIP_MAGIC = 0x1f;

async function encode(platform: SyncPlatform, value: unknown): Promise<Uint8Array> {
  const json = utf8(JSON.stringify(value));
  return json.length > GZIP_ABOVE ? platform.gzip(json) : json;
}

/** JSON starts with "{"; gzip with 0x1f 0x8b, so the first byte says which. */
async function decode<T>(platform: SyncPlatform, bytes: Uint8Array, schema: z.ZodType<T>): Promise<Decoded<T>> {
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes[0] === GZIP_MAGIC ? await platform.gunzip(bytes) : bytes));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const v = (json as { v?: unknown } | null)?.v;
  if (typeof v === 'number' && v > PAYLOAD_VERSION) return { ok: false, reason: 'newer_format' };
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'damaged' };
}

export interface ParsedEvents {
  events: InquiryEvent[];
  /** Entries that are not events this version understands (a newer app's, or damaged). */
  rejected: number;
}

function parseEvents(raw: readonly unknown[]): ParsedEvents {
  const events: InquiryEvent[] = [];
  let rejected = 0;
  for (const r of raw) {
    const parsed = parseEvent(r);
    if (parsed.ok) events.push(parsed.event);
    else rejected += 1;
  }
  return { events, rejected };
}

export const encodeSegment = (platform: SyncPlatform, device: string, n: number, events: readonly InquiryEvent[]) =>
  encode(platform, { v: PAYLOAD_VERSION, device, seq: n, events });

export async function decodeSegment(platform: SyncPlatform, bytes: Uint8Array, device: string, n: number): Promise<Decoded<ParsedEvents>> {
  const r = await decode(platform, bytes, segmentSchema);
  if (!r.ok) return r;
  if (r.value.device !== device || r.value.seq !== n) return { ok: false, reason: 'damaged' };
  return { ok: true, value: parseEvents(r.value.events) };
}

export const encodeDeskState = (platform: SyncPlatform, state: DeskState) => encode(platform, state);
export const decodeDeskState = (platform: SyncPlatform, bytes: Uint8Array) => decode(platform, bytes, deskStateSchema);

export const encodeManifest = (platform: SyncPlatform, m: SnapshotManifest) => encode(platform, m);
export const decodeManifest = (platform: SyncPlatform, bytes: Uint8Array) => decode(platform, bytes, manifestSchema);

export const encodePart = (platform: SyncPlatform, n: number, events: readonly InquiryEvent[]) =>
  encode(platform, { v: PAYLOAD_VERSION, n, events });

export const encodeRowPart = (platform: SyncPlatform, n: number, rows: readonly InquiryRecord[]) =>
  encode(platform, { v: PAYLOAD_VERSION, n, format: ROW_FORMAT, rows });

/** A row part's rows; another projection's rows are refused like a damaged part (the caller folds the events instead). */
export async function decodeRowPart(platform: SyncPlatform, bytes: Uint8Array, n: number): Promise<Decoded<InquiryRecord[]>> {
  const r = await decode(platform, bytes, rowPartSchema);
  if (!r.ok) return r;
  if (r.value.n !== n || r.value.format !== ROW_FORMAT) return { ok: false, reason: 'damaged' };
  return { ok: true, value: r.value.rows as unknown as InquiryRecord[] };
}

export async function decodePart(platform: SyncPlatform, bytes: Uint8Array, n: number): Promise<Decoded<ParsedEvents>> {
  const r = await decode(platform, bytes, partSchema);
  if (!r.ok) return r;
  if (r.value.n !== n) return { ok: false, reason: 'damaged' };
  return { ok: true, value: parseEvents(r.value.events) };
}
