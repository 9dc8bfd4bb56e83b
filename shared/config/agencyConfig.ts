import { z } from 'zod';
import { emailSchema } from '../people';
import { type CalendarConfig, calendarConfigSchema, DEFAULT_CALENDAR_CONFIG } from '../time/calendarConfig';
import type { TimeZone } from '../time/types';
import { CENTRAL_TIME, isValidTimeZone } from '../time/zone';

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

/** A span of time a policy is written in. Business units count office time only (shared/time/calendar). */
export const policyDurationSchema = z.object({
  amount: z.number().positive().max(10_000),
  unit: z.enum(['businessHours', 'businessDays', 'clockHours']),
});
export type PolicyDuration = z.infer<typeof policyDurationSchema>;

/**
 * A priority level and its first-contact timer. `path` is the process it follows (SPEC.md):
 * `high`: the liaison works it end to end, MCO follow-up due at end of day;
 * `escalated`: an ESR works it, MCO follow-up due 1 business day after referral.
 */
export const priorityLevelSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    label: z.string().min(1).max(40),
    path: z.enum(['high', 'escalated']),
    firstContactTarget: policyDurationSchema,
    firstContactDeadline: policyDurationSchema,
  })
  .refine(
    (p) => p.firstContactTarget.unit !== p.firstContactDeadline.unit || p.firstContactTarget.amount <= p.firstContactDeadline.amount,
    {
      message: 'the first-contact target must not be later than the deadline',
    },
  );
export type PriorityLevel = z.infer<typeof priorityLevelSchema>;

const optionalText = (max: number) => z.string().trim().max(max).default('');

/** A person or desk at an MCO the agency contacts. */
export const mcoContactSchema = z.object({
  name: z.string().trim().min(1, 'a contact needs a name').max(120),
  phone: optionalText(40),
  email: optionalText(160),
  /** When they can be reached, as people write it ("Mon–Fri 8–5 CT"). */
  hours: optionalText(120),
});
export type McoContact = z.infer<typeof mcoContactSchema>;

export const mcoDepartmentSchema = z.object({
  name: z.string().trim().min(1, 'a department needs a name').max(120),
  contacts: z.array(mcoContactSchema).default(() => []),
});
export type McoDepartment = z.infer<typeof mcoDepartmentSchema>;

export const mcoSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(120),
  active: z.boolean(),
  /** Other names the MCO goes by in old logs and e-mails ("ITC", "Amerigroup"), for import and search. */
  aliases: z.array(z.string().trim().min(1).max(120)).default(() => []),
  departments: z.array(mcoDepartmentSchema).default(() => []),
});
export type Mco = z.infer<typeof mcoSchema>;

export const categorySchema = z.object({
  name: z.string().min(1).max(80),
  subcategories: z.array(z.string().min(1).max(80)),
});
export type Category = z.infer<typeof categorySchema>;

/** Seed 002's routing directory: for an issue type, what to check first and whom to contact. */
export const routingEntrySchema = z.object({
  issueType: z.string().trim().min(1, 'name the issue type').max(120),
  checkFirst: optionalText(2000),
  contact: optionalText(400),
});
export type RoutingEntry = z.infer<typeof routingEntrySchema>;

/**
 * Suggests a priority when a description contains one of `keywords` (whole words, any case) or the
 * category is one of `categories`. Only ever a suggestion: a person chooses the priority.
 */
export const suggestionRuleSchema = z.object({
  priority: z.string().min(1).max(32),
  keywords: z.array(z.string().trim().min(1).max(80)).default(() => []),
  categories: z.array(z.string().trim().min(1).max(80)).default(() => []),
});
export type SuggestionRule = z.infer<typeof suggestionRuleSchema>;

/**
 * The default reasons a complaint is counted under: the grievance reason categories states report for
 * their managed-care programmes (CMS's annual MCPAR report), with transportation, pharmacy and LTSS
 * apart because they are the liaisons' most frequent complaints.
 */
export const DEFAULT_GRIEVANCE_REASONS = [
  'Access to care',
  'Quality of care',
  'Care management or service coordination',
  'Plan or provider customer service',
  'Payment or billing',
  'Transportation',
  'Pharmacy',
  'Long-term services and supports',
  'Privacy (protected health information)',
  'Timeliness of a service authorization or appeal',
  'Suspected fraud',
  'Abuse, neglect or exploitation',
  'Other',
] as const;

/** Warning thresholds in percent of the business time to a target (SPEC issue 8). */
export const DEFAULT_WARNING_THRESHOLDS = [50, 75, 90] as const;
export const MAX_WARNING_THRESHOLDS = 5;
export const warningThresholdsSchema = z
  .array(z.number().int().min(1).max(99))
  .max(MAX_WARNING_THRESHOLDS)
  .refine((list) => list.every((p, i) => i === 0 || p > (list[i - 1] as number)), 'ascending, each one once');

/**
 * Agency configuration the intake and log need. Stored versioned in the database;
 * every read passes `normaliseAgencyConfig`, so older or partial records gain new defaults.
 */
export const agencyConfigSchema = z.object({
  version: z.literal(1),
  /** Parsed, not cast: a configuration read back holds a `TimeZone` its readers can use as it is. */
  timeZone: z.custom<TimeZone>((v) => typeof v === 'string' && isValidTimeZone(v), 'not a known IANA time zone'),
  priorityLevels: z.array(priorityLevelSchema).min(1),
  /** Office hours, holidays and closures (the agency's time zone is `timeZone` above). */
  calendar: calendarConfigSchema.omit({ timeZone: true }).prefault({}),
  /** Timers a person may pause while the agency waits on someone else; the MCO's end-of-day timer never pauses. */
  pausableTimers: z
    .array(z.enum(['first_contact', 'mco_follow_up']))
    .default((): ('first_contact' | 'mco_follow_up')[] => ['first_contact', 'mco_follow_up']),
  /**
   * Warnings before a step is due: the percentages of the business time from a timer's start to its target (or
   * deadline, when it has no target) at which the desk warns (shared/inquiry/warnings.ts). 1–99, ascending,
   * at most 5; empty: no warnings besides due and overdue. Stored configs from before this setting get the default.
   */
  warningThresholds: warningThresholdsSchema.default((): number[] => [...DEFAULT_WARNING_THRESHOLDS]),
  /** Unanswered outreach attempts after which "unable to reach" closure is offered (seed 003: 2). */
  outreachMaxAttempts: z.number().int().min(1).max(10),
  /**
   * The unit lead's callback to a member with no MCO (SPEC.md "The process" 2) is due at the close of this many
   * business days after receipt: 1 is the end of the next business day. Stored configs from before get 1.
   */
  unitLeadCallbackDays: z.number().int().min(1).max(10).default(1),
  /** The Member Escalations inbox the MCO gate's message is e-mailed to; '' when not set (the mail program asks). */
  memberEscalationsInbox: emailSchema.default(''),
  mcos: z.array(mcoSchema),
  categories: z.array(categorySchema).min(1),
  routing: z.array(routingEntrySchema).default(() => []),
  suggestionRules: z.array(suggestionRuleSchema).default(() => []),
  /** Reasons a complaint (grievance) is counted under in the annual managed-care report; one is chosen when classifying. */
  grievanceReasons: z
    .array(z.string().trim().min(1).max(80))
    .min(1)
    .default(() => [...DEFAULT_GRIEVANCE_REASONS]),
  /** Pattern a Medicaid (state) ID must match, and how to describe it to a person. */
  medicaidId: z.object({ pattern: z.string().min(1), description: z.string().min(1) }),
});
export type AgencyConfig = z.infer<typeof agencyConfigSchema>;

export const DEFAULT_AGENCY_CONFIG: AgencyConfig = {
  version: 1,
  timeZone: CENTRAL_TIME,
  priorityLevels: [
    {
      id: 'high',
      label: 'High',
      path: 'high',
      firstContactTarget: { amount: 2, unit: 'businessHours' },
      firstContactDeadline: { amount: 4, unit: 'businessHours' },
    },
    {
      id: 'escalated',
      label: 'Escalated',
      path: 'escalated',
      firstContactTarget: { amount: 1, unit: 'businessDays' },
      firstContactDeadline: { amount: 3, unit: 'businessDays' },
    },
  ],
  calendar: (({ timeZone: _zone, ...rest }) => rest)(DEFAULT_CALENDAR_CONFIG),
  outreachMaxAttempts: 2,
  unitLeadCallbackDays: 1,
  memberEscalationsInbox: '',
  warningThresholds: [...DEFAULT_WARNING_THRESHOLDS],
  pausableTimers: ['first_contact', 'mco_follow_up'],
  // Departments and contacts are examples for a new desk to replace in Settings → MCO directory.
  mcos: [
    {
      id: 'itc',
      name: 'Iowa Total Care',
      active: true,
      aliases: ['ITC', 'Total Care'],
      departments: [
        {
          name: 'Member Services',
          contacts: [{ name: 'Member Services escalations', phone: '', email: '', hours: 'Mon–Fri 07:30–18:00' }],
        },
        { name: 'Utilization Management', contacts: [] },
        { name: 'Care Management', contacts: [] },
      ],
    },
    {
      id: 'molina',
      name: 'Molina Healthcare of Iowa',
      active: true,
      aliases: ['Molina', 'MHI'],
      departments: [
        { name: 'Member Services', contacts: [] },
        { name: 'Pharmacy', contacts: [] },
      ],
    },
    {
      id: 'wellpoint',
      name: 'Wellpoint Iowa',
      active: true,
      aliases: ['Wellpoint', 'Amerigroup', 'Amerigroup Iowa', 'AGP'],
      departments: [
        { name: 'Member Services', contacts: [] },
        { name: 'Grievances and Appeals', contacts: [] },
      ],
    },
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
  routing: [
    {
      issueType: 'Member not enrolled with an MCO (fee-for-service)',
      checkFirst: 'Eligibility and enrollment history in the state system.',
      contact: 'Unit lead callback queue (the app routes it there at intake).',
    },
    {
      issueType: 'Pharmacy prior authorization delayed or denied',
      checkFirst: "The MCO's prior authorization status and the preferred drug list.",
      contact: "The MCO's Pharmacy department (MCO directory).",
    },
    {
      issueType: 'Dire need: loss of care, medication or housing within 24 hours',
      checkFirst: 'Whether the member is safe now; the case history.',
      contact: 'Unit lead at once; then the MCO Member Services escalations line.',
    },
  ],
  suggestionRules: [
    { priority: 'high', keywords: ['emergency', 'urgent', 'hospital', 'discharge', 'out of medication', 'eviction'], categories: [] },
  ],
  grievanceReasons: [...DEFAULT_GRIEVANCE_REASONS],
  medicaidId: { pattern: '^\\d{7}[A-Z]$', description: '7 digits followed by a capital letter, for example 1234567A' },
};

/** Reads a stored config, filling what an older version lacked; falls back to defaults, never throws. */
export function normaliseAgencyConfig(stored: unknown): AgencyConfig {
  if (stored && typeof stored === 'object') {
    const merged: Record<string, unknown> = { ...DEFAULT_AGENCY_CONFIG, ...(stored as Record<string, unknown>), version: 1 };
    if (Array.isArray(merged.priorityLevels)) merged.priorityLevels = merged.priorityLevels.map(withLevelDefaults);
    // A bad list of warning thresholds costs the thresholds (back to the defaults), not the rest of the configuration.
    if (!warningThresholdsSchema.safeParse(merged.warningThresholds ?? []).success)
      merged.warningThresholds = [...DEFAULT_WARNING_THRESHOLDS];
    const parsed = agencyConfigSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_AGENCY_CONFIG;
}

/** A level stored before levels carried a path and targets takes the defaults of the level it names (or Escalated's). */
function withLevelDefaults(level: unknown): unknown {
  if (!level || typeof level !== 'object') return level;
  const id = (level as { id?: unknown }).id;
  const base = DEFAULT_AGENCY_CONFIG.priorityLevels.find((p) => p.id === id) ?? DEFAULT_AGENCY_CONFIG.priorityLevels[1];
  return { path: base?.path, firstContactTarget: base?.firstContactTarget, firstContactDeadline: base?.firstContactDeadline, ...level };
}

export function priorityLevel(config: AgencyConfig, id: string): PriorityLevel | undefined {
  return config.priorityLevels.find((p) => p.id === id);
}

/** The business calendar configuration in force for this agency. */
export const calendarConfigOf = (config: AgencyConfig): CalendarConfig => ({ ...config.calendar, timeZone: config.timeZone });

export function priorityLabel(config: AgencyConfig, id: string): string {
  return config.priorityLevels.find((p) => p.id === id)?.label ?? id;
}

export function mcoName(config: AgencyConfig, id: string | null): string {
  if (!id) return '';
  return config.mcos.find((m) => m.id === id)?.name ?? id;
}
