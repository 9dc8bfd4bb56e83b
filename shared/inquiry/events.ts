import { z } from 'zod';
import { SOURCES } from '../config/agencyConfig';
import { type Actor, actorSchema, personRefSchema } from '../people';
import { decodeHlc, type HlcStamp } from '../sync/hlc';
import type { Instant } from '../time/types';
import type { CaseNumber } from './caseNumber';
import { ENROLLMENT, FIELD_NAMES, type FieldName, type InquiryFields } from './fields';

/** Events are facts, named in the past tense. The timeline is made of them; the inquiry row is their fold. */
export const EVENT_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max);

export const inquiryFieldsSchema = z.object({
  receivedAt: z.number().int().nonnegative(),
  source: z.enum(SOURCES),
  originatorName: text(120),
  originatorContact: text(160),
  memberName: text(120),
  medicaidId: text(40),
  memberDob: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  memberPhone: text(40),
  callbackPhone: text(40),
  callbackAvailability: text(200),
  mcoEnrollment: z.enum(ENROLLMENT),
  mcoId: text(40),
  priority: text(32),
  category: text(80),
  subcategory: text(80),
  description: text(4000),
  expectedOutcome: text(4000),
  rootCause: text(4000),
  assignee: personRefSchema.nullable(),
});

const fieldValueSchema = z.union([z.string().max(4000), z.number(), personRefSchema, z.null()]);

const envelope = {
  id: z.string().min(10).max(40),
  inquiryId: z.string().min(10).max(40),
  actor: actorSchema,
  deviceId: z.string().regex(/^[0-9A-Za-z]{1,64}$/),
  /** Must decode: an arbitrary string would sort above every real stamp and win every field forever. */
  hlc: z.string().refine((s) => decodeHlc(s) !== null, 'not an HLC stamp'),
  /** The desk's wall clock when the event was recorded (shown to people; ordering uses `hlc`). */
  at: z.number().int().nonnegative(),
  v: z.literal(EVENT_FORMAT_VERSION),
};

export const inquiryLoggedSchema = z.object({
  ...envelope,
  type: z.literal('InquiryLogged'),
  payload: z.object({ caseNumber: z.string().min(1).max(40), fields: inquiryFieldsSchema }),
});
export const noteAddedSchema = z.object({
  ...envelope,
  type: z.literal('NoteAdded'),
  payload: z.object({ text: z.string().min(1).max(8000) }),
});
export const fieldEditedSchema = z.object({
  ...envelope,
  type: z.literal('FieldEdited'),
  payload: z
    .object({
      field: z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]),
      from: fieldValueSchema,
      to: fieldValueSchema,
    })
    // Each value must fit its field (a text `receivedAt` would otherwise reach the projection and break the log).
    .superRefine((p, ctx) => {
      const valueSchema = (inquiryFieldsSchema.shape as Record<string, z.ZodType | undefined>)[p.field];
      if (!valueSchema) return;
      for (const key of ['from', 'to'] as const)
        if (!valueSchema.safeParse(p[key]).success)
          ctx.addIssue({ code: 'custom', path: [key], message: `not a valid value for ${p.field}` });
    }),
});

export const inquiryEventSchema = z.discriminatedUnion('type', [inquiryLoggedSchema, noteAddedSchema, fieldEditedSchema]);

interface Envelope {
  id: string;
  inquiryId: string;
  actor: Actor;
  deviceId: string;
  hlc: HlcStamp;
  at: Instant;
  v: typeof EVENT_FORMAT_VERSION;
}

export interface InquiryLogged extends Envelope {
  type: 'InquiryLogged';
  payload: { caseNumber: CaseNumber; fields: InquiryFields };
}
export interface NoteAdded extends Envelope {
  type: 'NoteAdded';
  payload: { text: string };
}
export type FieldEdit = {
  [F in FieldName]: { field: F; from: InquiryFields[F]; to: InquiryFields[F] };
}[FieldName];
export interface FieldEdited extends Envelope {
  type: 'FieldEdited';
  payload: FieldEdit;
}

export type InquiryEvent = InquiryLogged | NoteAdded | FieldEdited;
export type EventType = InquiryEvent['type'];

/** Parses an event from an untrusted source (IPC, sync share, import). */
export function parseEvent(input: unknown): { ok: true; event: InquiryEvent } | { ok: false; message: string } {
  const r = inquiryEventSchema.safeParse(input);
  if (!r.success) return { ok: false, message: r.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
  return { ok: true, event: r.data as unknown as InquiryEvent };
}
