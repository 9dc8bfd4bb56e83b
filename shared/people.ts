import { z } from 'zod';

/**
 * The unit's roles (SPEC.md "Who uses it"). `lead` is the unit lead who takes the callbacks for members with no MCO;
 * `supervisor` leads the unit without taking callbacks (reports, reassigning). Both keep the roster. A role added
 * here is an event format change for older desks: they hold back events whose actor has a role they do not know.
 */
export const ROLES = ['liaison', 'esr', 'lead', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  liaison: 'Member liaison',
  esr: 'Enrollment Service Representative (ESR)',
  lead: 'Unit lead',
  supervisor: 'Lead / supervisor',
};
/** Short labels for lists and pickers. */
export const ROLE_SHORT: Record<Role, string> = {
  liaison: 'Member liaison',
  esr: 'ESR',
  lead: 'Unit lead',
  supervisor: 'Lead / supervisor',
};

/** Unit leads and supervisors keep the roster, see the history check's findings and reassign work. */
export const leadsTheUnit = (role: Role): boolean => role === 'lead' || role === 'supervisor';

/** An optional e-mail address: empty, or one address of the usual shape (no display name, no list). */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'Keep the e-mail address under 254 characters.')
  .refine(
    (s) => s === '' || /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/.test(s),
    'Enter one e-mail address like name@agency.gov, or leave it empty.',
  );

/** Who did something: carried on every event, so a timeline reads the same on every desk. */
export const personRefSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const actorSchema = personRefSchema.extend({ role: z.enum(ROLES) });
export type Actor = z.infer<typeof actorSchema>;

/** A person's name as typed: as colleagues know it. */
export const personNameSchema = (whose: 'your' | 'the') =>
  z
    .string()
    .trim()
    .min(2, `Enter ${whose} name as colleagues know it (at least 2 characters).`)
    .max(80, 'Keep the name under 80 characters.');

export const profileInputSchema = z.object({
  displayName: personNameSchema('your'),
  role: z.enum(ROLES, { message: 'Choose your role.' }),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/**
 * A PIN kept only as a slow hash (PBKDF2-HMAC-SHA-256 through WebCrypto, see renderer/lock/pin.ts):
 * the random salt and the derived bits, base64. The PIN itself is never stored.
 */
export const pinHashSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(310_000).max(10_000_000),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22,}={0,2}$/),
  hash: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type PinHash = z.infer<typeof pinHashSchema>;

export interface Profile {
  id: string;
  displayName: string;
  role: Role;
  createdAt: number;
  /** Unlocks the idle lock; absent on profiles made before PINs existed (the app asks for one). */
  pin?: PinHash;
}

/** A stored profile read from outside (an export being imported): unknown extra fields are kept for newer versions. */
export const profileSchema = z.looseObject({
  id: z.string().min(1).max(64),
  displayName: z.string().min(1).max(80),
  role: z.enum(ROLES),
  createdAt: z.number().int().nonnegative(),
  pin: pinHashSchema.optional(),
});

export const actorOf = (p: Profile): Actor => ({ id: p.id, name: p.displayName, role: p.role });
