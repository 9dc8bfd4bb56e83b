import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from './config/agencyConfig';
import { type Cell, cellText, type DateCell } from './import/cells';
import { parseTimeText, readDate, readTime } from './import/dates';
import { findHeaderRow, IMPORT_FIELDS, type ImportField, suggestMapping } from './import/fields';
import { normaliseRow } from './import/normalise';
import { ImportFileProblem, sniffSpreadsheet } from './import/sniff';
import { briefFields } from './inquiry/commands/testKit';
import { inquiryEventSchema, inquiryFieldsSchema, parseEvent } from './inquiry/events';
import { FIELD_NAMES, type FieldName, type InquiryFields } from './inquiry/fields';
import { emptyIntakeForm, INTAKE_CONTROL_ORDER, type IntakeForm, intakeFormSchema, validateEdit, validateIntake } from './inquiry/intake';
import { IPC_METHODS, ipcContract } from './ipc';
import { decodeHlc, encodeHlc } from './sync/hlc';
import { parseSegmentName, parseSnapshotDirName, parseSnapshotPartName, parseStateName } from './sync/layout';
import { decodeDeskState, decodeManifest, decodePart, decodeSegment } from './sync/payloads';
import { webPlatform } from './sync/platform';
import { parseShareFile } from './sync/share';
import { asInstant } from './time/types';

/**
 * Every decoder that reads input from outside (forms, events from sync or import, IPC payloads,
 * sync files, spreadsheets) gets random and malformed input. Each must answer with a result or a
 * clear message, never crash with an unexpected exception, and never accept something its own
 * schema would refuse. (The full-export decoder, which writes to IndexedDB, is fuzzed in
 * renderer/data/backup.fuzz.test.ts, with the database compared before and after.)
 */

const NOW = asInstant(Date.parse('2026-11-23T20:00:00Z'));
const ZONE = DEFAULT_AGENCY_CONFIG.timeZone;
/** A brief inquiry about a missed ride, received at `receivedAt`. */
const rideFields = (receivedAt: number): InquiryFields =>
  briefFields({ receivedAt: asInstant(receivedAt), subcategory: '', description: 'Ride did not come.' });
const people = [{ id: '01JPERSON00000000000000001', name: 'Ana Ortiz' }];
const ctx = { now: NOW, config: DEFAULT_AGENCY_CONFIG, people };
const RUNS = { numRuns: 300 };

/** Strings people and damaged files produce: empty, whitespace, unicode, control characters, numbers, very long. */
const messy = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t\n',
      '0',
      '-1',
      '1e309',
      'NaN',
      '02/30/1990',
      '13/01/2020',
      '25:61',
      '1234567A',
      '(515) 555-0199',
      '\u0000',
      '<script>',
      '=cmd|/c calc',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ minLength: 4000, maxLength: 12000 }), weight: 1 },
);

/** Anything JSON can hold, and a few things it cannot. */
const junk = fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -0, [], {}));

const intakeForm = fc.record(
  Object.fromEntries(INTAKE_CONTROL_ORDER.map((c) => [c, messy])) as Record<keyof IntakeForm, fc.Arbitrary<string>>,
);

/** Messages are for people: a non-empty sentence, never an exception's text or an object (they may quote the input). */
const isMessage = (m: unknown) =>
  typeof m === 'string' && m.trim().length > 0 && !/\[object Object\]|TypeError|RangeError|Cannot read propert|is not a function/.test(m);

describe('intake validation', { timeout: 120_000 }, () => {
  it('answers every form with valid fields or a message per control', () => {
    fc.assert(
      fc.property(intakeForm, (form) => {
        const r = validateIntake(form, ctx);
        if (r.ok) expect(inquiryFieldsSchema.safeParse(r.fields).success).toBe(true);
        else {
          expect(Object.keys(r.errors).length).toBeGreaterThan(0);
          for (const [control, message] of Object.entries(r.errors)) {
            expect(INTAKE_CONTROL_ORDER).toContain(control);
            if (message !== undefined) expect(isMessage(message), `${control}: ${message}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('accepts a valid form with any one control replaced by junk only when the result still fits the schema', () => {
    const valid: IntakeForm = {
      ...emptyIntakeForm(NOW, ZONE, people[0] ?? null),
      receivedTime: '13:45',
      source: 'Call Center CSR',
      originatorName: 'Dana Ruiz',
      memberName: 'Pat Lee',
      medicaidId: '1234567A',
      mcoEnrollment: 'enrolled',
      mcoId: 'itc',
      priority: 'high',
      category: 'Transportation',
      description: 'Ride did not come.',
    };
    expect(validateIntake(valid, ctx).ok).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...INTAKE_CONTROL_ORDER), messy, (control, value) => {
        const r = validateIntake({ ...valid, [control]: value }, ctx);
        if (r.ok) expect(inquiryFieldsSchema.safeParse(r.fields).success).toBe(true);
        else for (const m of Object.values(r.errors)) if (m !== undefined) expect(isMessage(m)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a form that is not a form (intakeFormSchema) without throwing', () => {
    fc.assert(
      fc.property(junk, (value) => {
        const r = intakeFormSchema.safeParse(value);
        if (r.success) expect(validateIntake(r.data, ctx)).toBeDefined();
      }),
      RUNS,
    );
  });

  it('answers every field edit with the picked values or messages on the edited controls', () => {
    const current = inquiryFieldsSchema.parse(rideFields(NOW - 3_600_000)) as InquiryFields;
    const patch = fc.dictionary(fc.constantFrom(...INTAKE_CONTROL_ORDER), messy, { maxKeys: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { minLength: 1, maxLength: 4 }), patch, (fields, p) => {
        const r = validateEdit(current, fields as FieldName[], p as Partial<IntakeForm>, ctx);
        if (r.ok) {
          expect(Object.keys(r.values).sort()).toEqual([...fields].sort());
          expect(inquiryFieldsSchema.partial().safeParse(r.values).success).toBe(true);
        } else for (const m of Object.values(r.errors)) if (m !== undefined) expect(isMessage(m)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** A valid event to mutate: logged by Ana on desk K7QM2. */
const DEVICE = 'K7QM2X4RT9ABCDEF';
const validEvent = () => ({
  id: '01JEVENT000000000000000001',
  inquiryId: '01JINQUIRY0000000000000001',
  type: 'InquiryLogged',
  payload: {
    caseNumber: '261123-K7QM2-001',
    fields: rideFields(NOW - 60_000),
  },
  actor: { id: '01JPERSON00000000000000001', name: 'Ana Ortiz', role: 'liaison' },
  deviceId: DEVICE,
  hlc: encodeHlc({ wall: NOW, counter: 0, deviceId: DEVICE }),
  at: NOW,
  v: 1,
});

/** Replaces the value at a random path of an object with junk (or deletes it). */
function mutate(value: unknown, path: readonly string[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement, remove);
  return copy;
}

function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

describe('parseEvent (events from sync, import and IPC)', { timeout: 120_000 }, () => {
  it('never throws on junk, and names what is wrong', () => {
    fc.assert(
      fc.property(junk, (value) => {
        const r = parseEvent(value);
        if (r.ok) expect(inquiryEventSchema.safeParse(r.event).success).toBe(true);
        else expect(isMessage(r.message)).toBe(true);
      }),
      RUNS,
    );
  });

  it('accepts a damaged event only if it is still a valid event, and the result parses again to itself', () => {
    const base = validEvent();
    expect(parseEvent(base).ok).toBe(true);
    const paths = pathsOf(base);
    fc.assert(
      fc.property(fc.constantFrom(...paths), junk, fc.boolean(), (path, replacement, remove) => {
        const damaged = mutate(base, path, replacement, remove);
        const r = parseEvent(damaged);
        if (!r.ok) {
          expect(isMessage(r.message)).toBe(true);
          return;
        }
        // Through JSON (as sync and export carry it) it parses again to the same event (-0 and 0 are one number there).
        const again = parseEvent(JSON.parse(JSON.stringify(r.event)));
        expect(again.ok).toBe(true);
        if (again.ok) expect(JSON.stringify(again.event)).toBe(JSON.stringify(r.event));
        expect(decodeHlc(r.event.hlc)).not.toBeNull();
      }),
      { numRuns: 600 },
    );
  });
});

describe('IPC payloads', () => {
  it('every channel refuses junk without throwing, and what it accepts parses to the same value again', () => {
    for (const method of IPC_METHODS) {
      const { request, response } = ipcContract[method];
      fc.assert(
        fc.property(junk, (value) => {
          const r = request.safeParse(value);
          if (r.success) expect(request.safeParse(r.data).success).toBe(true);
          expect(() => response.safeParse(value)).not.toThrow();
        }),
        RUNS,
      );
    }
  });
});

describe('sync files (shared/sync)', { timeout: 120_000 }, () => {
  const platform = webPlatform();
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    // gzip's magic number followed by rubbish: the decompressor itself must fail gracefully.
    fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...b])),
  );
  const gzippedJson = fc
    .jsonValue()
    .chain((v) => fc.constant(v).map((value) => ({ value, bytes: platform.gzip(new TextEncoder().encode(JSON.stringify(value))) })));

  it('segment, desk state, manifest and snapshot part decoders answer damaged bytes with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 0, max: 5 }), async (b, n) => {
        for (const r of [
          await decodeSegment(platform, b, DEVICE, n),
          await decodeDeskState(platform, b),
          await decodeManifest(platform, b),
          await decodePart(platform, b, n),
        ])
          if (!r.ok) expect(['damaged', 'newer_format']).toContain(r.reason);
      }),
      { numRuns: 150 },
    );
  });

  it('answers well-formed gzip of the wrong JSON with a reason, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(gzippedJson, async ({ bytes: pending }) => {
        const b = await pending;
        for (const r of [
          await decodeSegment(platform, b, DEVICE, 1),
          await decodeDeskState(platform, b),
          await decodeManifest(platform, b),
        ])
          if (!r.ok) expect(['damaged', 'newer_format']).toContain(r.reason);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps only events that parse from a segment with junk among them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { maxLength: 20 }), async (extra) => {
        const raw = { v: 1, device: DEVICE, seq: 1, events: [validEvent(), ...extra] };
        const b = await platform.gzip(new TextEncoder().encode(JSON.stringify(raw)));
        const r = await decodeSegment(platform, b, DEVICE, 1);
        // JSON.stringify turns some junk into null or drops it; whatever survives is counted.
        if (r.ok) {
          expect(r.value.events.length + r.value.rejected).toBe((JSON.parse(JSON.stringify(raw)) as { events: unknown[] }).events.length);
          for (const e of r.value.events) expect(parseEvent(e).ok).toBe(true);
        } else expect(r.reason).toBe('damaged');
      }),
      { numRuns: 100 },
    );
  });

  it('reads SHARE.json and file names without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), messy, (b, name) => {
        const share = parseShareFile(b);
        if (!share.ok) expect(['damaged', 'newer_format']).toContain(share.reason);
        for (const parse of [parseSegmentName, parseStateName, parseSnapshotPartName]) {
          const n = parse(name);
          if (n !== null) expect(Number.isInteger(n)).toBe(true);
        }
        const dir = parseSnapshotDirName(name);
        if (dir !== null) expect(typeof dir).toBe('string');
      }),
      RUNS,
    );
  });
});

describe('legacy spreadsheet import (shared/import)', { timeout: 120_000 }, () => {
  const dateCell: fc.Arbitrary<DateCell> = fc.record({
    kind: fc.constant('date' as const),
    year: fc.integer({ min: -10, max: 10000 }),
    month: fc.integer({ min: -1, max: 14 }),
    day: fc.integer({ min: -1, max: 40 }),
    hour: fc.integer({ min: -1, max: 30 }),
    minute: fc.integer({ min: -1, max: 70 }),
    second: fc.integer({ min: -1, max: 70 }),
  });
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    messy,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    dateCell,
    fc.constantFrom('11/23/2026', '2026-11-23', '45254', 'High', 'Escalated', 'Molina', 'N/A', 'yes', '9:15 am'),
  );
  const importCtx = { config: DEFAULT_AGENCY_CONFIG, zone: ZONE, now: NOW, people };

  it('recognises a file kind or says what the file is, for any bytes', () => {
    fc.assert(
      fc.property(messy, fc.uint8Array({ maxLength: 4096 }), (name, b) => {
        try {
          const r = sniffSpreadsheet(name, b);
          expect(['xlsx', 'csv']).toContain(r.kind);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFileProblem);
          expect(isMessage((e as Error).message)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('reads any cell as a date, a time, or a problem', () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (c, pastOnly) => {
        expect(typeof cellText(c)).toBe('string');
        const d = readDate(c, { thisYear: 2026, pastOnly });
        if (d && !d.ok) expect(isMessage(d.problem)).toBe(true);
        readTime(c);
        if (typeof c === 'string') parseTimeText(c);
      }),
      { numRuns: 600 },
    );
  });

  it('turns any row under any mapping into an accepted row with valid fields, a rejection with a reason, or a blank', () => {
    const mapping = fc.array(fc.option(fc.constantFrom(...IMPORT_FIELDS), { nil: null }), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(mapping, fc.array(cell, { maxLength: 16 }), fc.integer({ min: 1, max: 100_000 }), (m, cells, rowNumber) => {
        const r = normaliseRow(cells, rowNumber, m as (ImportField | null)[], importCtx);
        if (r.kind === 'accepted') expect(inquiryFieldsSchema.safeParse(r.row.fields).success).toBe(true);
        else if (r.kind === 'rejected') expect(isMessage(r.reason)).toBe(true);
        else expect(r.kind).toBe('blank');
      }),
      { numRuns: 500 },
    );
  });

  it('finds headers and suggests a mapping for any grid without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 12 }), (rows) => {
        const at = findHeaderRow(rows);
        if (at !== null) expect(at).toBeGreaterThanOrEqual(0);
        const mapping = suggestMapping(rows.map((r) => cellText(r[0] ?? null)));
        for (const f of mapping) if (f !== null) expect(IMPORT_FIELDS).toContain(f);
      }),
      RUNS,
    );
  });
});
