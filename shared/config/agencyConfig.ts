import { z } from 'zod';
import type { TimeZone } from '../time/types';
import { isValidTimeZone } from '../time/zone';

/** The fixed list of referral sources (SPEC.md "The inquiry"). */
export const SOURCES = [
  'Call Center CSR',
  'Enrollment Service Representative',
  'Member Services Account Manager',
  'Managed Care Ombudsman',
  'Other State Agency',
  'Legislative Liaison',
  'Policy Staff',
  'Leadership',
  'Other',
] as const;
export type Source = (typeof SOURCES)[number];

export const priorityLevelSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  label: z.string().min(1).max(40),
});
export type PriorityLevel = z.infer<typeof priorityLevelSchema>;

export const mcoSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(120),
  active: z.boolean(),
});
export type Mco = z.infer<typeof mcoSchema>;

export const categorySchema = z.object({
  name: z.string().min(1).max(80),
  subcategories: z.array(z.string().min(1).max(80)),
});
export type Category = z.infer<typeof categorySchema>;

/**
 * Agency configuration the intake and log need. Stored versioned in the database;
 * every read passes `normaliseAgencyConfig`, so older or partial records gain new defaults.
 */
export const agencyConfigSchema = z.object({
  version: z.literal(1),
  timeZone: z.string().refine(isValidTimeZone, 'not a known IANA time zone'),
  priorityLevels: z.array(priorityLevelSchema).min(1),
  mcos: z.array(mcoSchema),
  categories: z.array(categorySchema).min(1),
  /** Pattern a Medicaid (state) ID must match, and how to describe it to a person. */
  medicaidId: z.object({ pattern: z.string().min(1), description: z.string().min(1) }),
});
export type AgencyConfig = z.infer<typeof agencyConfigSchema>;

export const DEFAULT_AGENCY_CONFIG: AgencyConfig = {
  version: 1,
  timeZone: 'America/Chicago' as TimeZone,
  priorityLevels: [
    { id: 'high', label: 'High' },
    { id: 'escalated', label: 'Escalated' },
  ],
  mcos: [
    { id: 'itc', name: 'Iowa Total Care', active: true },
    { id: 'molina', name: 'Molina Healthcare of Iowa', active: true },
    { id: 'wellpoint', name: 'Wellpoint Iowa', active: true },
  ],
  categories: [
    { name: 'Access to care', subcategories: ['Provider network', 'Appointment availability', 'Specialist referral'] },
    { name: 'Pharmacy', subcategories: ['Prior authorization', 'Formulary', 'Pharmacy lock-in'] },
    { name: 'Prior authorization', subcategories: ['Denied', 'Delayed', 'Missing paperwork'] },
    { name: 'Durable medical equipment', subcategories: ['Delivery', 'Repair', 'Authorization'] },
    { name: 'Transportation', subcategories: ['Missed ride', 'Scheduling', 'Reimbursement'] },
    { name: 'Long-term services and supports', subcategories: ['Case management', 'Home and community based services', 'Facility'] },
    { name: 'Billing', subcategories: ['Member billed', 'Provider payment', 'Premium'] },
    { name: 'Enrollment and eligibility', subcategories: ['MCO assignment', 'Change of MCO', 'Coverage gap'] },
    { name: 'Behavioral health', subcategories: ['Access', 'Crisis services', 'Substance use'] },
    { name: 'Other', subcategories: [] },
  ],
  medicaidId: { pattern: '^\\d{7}[A-Z]$', description: '7 digits followed by a capital letter, for example 1234567A' },
};

/** Reads a stored config, filling what an older version lacked; falls back to defaults, never throws. */
export function normaliseAgencyConfig(stored: unknown): AgencyConfig {
  if (stored && typeof stored === 'object') {
    const merged = { ...DEFAULT_AGENCY_CONFIG, ...(stored as Record<string, unknown>), version: 1 };
    const parsed = agencyConfigSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_AGENCY_CONFIG;
}

export function priorityLabel(config: AgencyConfig, id: string): string {
  return config.priorityLevels.find((p) => p.id === id)?.label ?? id;
}

export function mcoName(config: AgencyConfig, id: string | null): string {
  if (!id) return '';
  return config.mcos.find((m) => m.id === id)?.name ?? id;
}
