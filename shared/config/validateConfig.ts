import type { z } from 'zod';
import { DomainError } from '../errors';
import { isEmail, normalisePhone } from '../inquiry/phone';
import { businessDayLength } from '../time/calendar';
import type { WeekHours } from '../time/calendarConfig';
import { type AgencyConfig, agencyConfigSchema, type PolicyDuration } from './agencyConfig';

/*
 * Validation of a whole agency configuration before it is stored (Settings screens, Repo.saveConfig).
 * The schema (agencyConfig.ts) decides what is valid; this file words each problem for the person at the
 * form, by the field it belongs to, and adds the checks a schema of one field cannot make: names that
 * must be unique, a suggestion rule naming a level or category that exists, a target no later than its
 * deadline across units, phone numbers and e-mail addresses of MCO contacts, a Medicaid ID pattern that compiles.
 */

export type ConfigPath = readonly (string | number)[];

export interface ConfigIssue {
  /** Where in the configuration, e.g. ['priorityLevels', 2, 'label']: a form maps it to its field. */
  path: ConfigPath;
  /** What is wrong and how to fix it, written to sit beside the field. */
  message: string;
}

export type ConfigValidation = { ok: true; config: AgencyConfig } | { ok: false; issues: ConfigIssue[] };

/** 'priorityLevels.2.label': the key a form files an issue under. */
export const pathKey = (path: ConfigPath): string => path.join('.');

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const UNIT_WORDS: Record<PolicyDuration['unit'], string> = {
  businessHours: 'business hours',
  businessDays: 'business days',
  clockHours: 'clock hours',
};

type Issue = z.core.$ZodIssue;

const tooLong = (issue: Issue, what: string): string | null =>
  issue.code === 'too_big' && typeof issue.maximum === 'number' ? `Keep ${what} to ${issue.maximum} characters or fewer.` : null;

/** What a person reads about a time zone name that is no IANA zone (a form that reads the name itself says it too). */
export const TIME_ZONE_MESSAGE = 'Enter the time zone by its IANA name, for example America/Chicago.';

/** Messages by path pattern (`*` stands for a list index). Anything not listed falls back to a generic wording. */
const MESSAGES: Record<string, (issue: Issue) => string> = {
  timeZone: () => TIME_ZONE_MESSAGE,
  priorityLevels: () => 'Keep at least one priority level.',
  'priorityLevels.*': () => 'The first-contact target must not be later than the deadline.',
  'priorityLevels.*.id': () => 'A level id is lower-case letters, digits and hyphens, starting with a letter (at most 32).',
  'priorityLevels.*.label': (i) => tooLong(i, 'the name') ?? 'Give the priority level a name.',
  'priorityLevels.*.path': () => 'Choose which process the level follows: High or Escalated.',
  'priorityLevels.*.firstContactTarget.amount': () => 'Enter the target as a number greater than 0 (at most 10,000).',
  'priorityLevels.*.firstContactDeadline.amount': () => 'Enter the deadline as a number greater than 0 (at most 10,000).',
  'priorityLevels.*.firstContactTarget.unit': () => 'Choose business hours, business days or clock hours.',
  'priorityLevels.*.firstContactDeadline.unit': () => 'Choose business hours, business days or clock hours.',
  outreachMaxAttempts: () => 'Enter a whole number of attempts from 1 to 10.',
  unitLeadCallbackDays: () => 'Enter a whole number of business days from 1 to 10 (1: the end of the next business day).',
  memberEscalationsInbox: () => 'Enter one e-mail address like member.escalations@agency.gov, or leave it empty.',
  warningThresholds: (i) =>
    i.code === 'too_big'
      ? 'Keep at most 5 warning thresholds.'
      : 'List the warning thresholds from the smallest to the largest, each one once, for example 50, 75, 90.',
  'warningThresholds.*': () => 'Each warning threshold is a whole percentage from 1 to 99.',
  'calendar.officeHours': () => 'At least one weekday needs office hours.',
  'calendar.officeHours.*': () => 'Opening must be before closing, on the same day.',
  'calendar.officeHours.*.open': () => 'Enter the opening time as HH:MM on a 24-hour clock, for example 08:00.',
  'calendar.officeHours.*.close': () => 'Enter the closing time as HH:MM on a 24-hour clock, for example 16:30.',
  'calendar.holidayRegion': () =>
    'The holiday library has no such region. Enter a country code, optionally with a state, for example US-IA.',
  'calendar.holidayTypes.*': () => 'Choose holiday types from the list.',
  'calendar.holidayNamesIncluded.*': () => 'A holiday name cannot be empty.',
  'calendar.holidayNamesExcluded.*': () => 'A holiday name cannot be empty.',
  'calendar.closures.*.day': () => 'Enter a real day as mm/dd/yyyy, for example 12/24/2026.',
  'calendar.closures.*.name': (i) => tooLong(i, 'the name') ?? 'Name the closure, for example "Staff training".',
  'calendar.holidaysRemoved.*': () => 'Enter a real day as mm/dd/yyyy.',
  'mcos.*.id': () => 'An MCO id is lower-case letters, digits and hyphens (at most 40).',
  'mcos.*.name': (i) => tooLong(i, 'the name') ?? 'Give the MCO a name.',
  'mcos.*.aliases.*': (i) => tooLong(i, 'an alias') ?? 'An alias cannot be empty.',
  'mcos.*.departments.*.name': (i) => tooLong(i, 'the name') ?? 'Give the department a name.',
  'mcos.*.departments.*.contacts.*.name': (i) =>
    tooLong(i, 'the name') ?? 'Give the contact a name (a person or a desk, e.g. "Escalations line").',
  'mcos.*.departments.*.contacts.*.phone': (i) => tooLong(i, 'the phone number') ?? 'Enter a phone number.',
  'mcos.*.departments.*.contacts.*.email': (i) => tooLong(i, 'the e-mail address') ?? 'Enter an e-mail address.',
  'mcos.*.departments.*.contacts.*.hours': (i) => tooLong(i, 'the hours') ?? 'Describe when they can be reached.',
  categories: () => 'Keep at least one category.',
  'categories.*.name': (i) => tooLong(i, 'the name') ?? 'Give the category a name.',
  'categories.*.subcategories.*': (i) => tooLong(i, 'the name') ?? 'Give the sub-category a name, or remove it.',
  'routing.*.issueType': (i) => tooLong(i, 'the issue type') ?? 'Name the issue type.',
  'routing.*.checkFirst': (i) => tooLong(i, 'what to check first') ?? 'Describe what to check first.',
  'routing.*.contact': (i) => tooLong(i, 'whom to contact') ?? 'Say whom to contact.',
  'suggestionRules.*.priority': () => 'Choose the priority to suggest.',
  'suggestionRules.*.keywords.*': (i) => tooLong(i, 'a keyword') ?? 'A keyword cannot be empty.',
  'suggestionRules.*.categories.*': () => 'Choose a category from the list.',
  grievanceReasons: () => 'Keep at least one grievance reason.',
  'grievanceReasons.*': (i) => tooLong(i, 'the reason') ?? 'Name the reason, or remove it.',
  'medicaidId.pattern': () => 'Enter the pattern a Medicaid ID must match.',
  'medicaidId.description': () =>
    'Describe the Medicaid ID format for the person typing it, for example "7 digits followed by a capital letter".',
};

const patternOf = (path: ConfigPath): string => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

function friendly(issue: Issue): string {
  // Looked up by where zod put it (before fieldOf moves whole-object checks to a field).
  const message = MESSAGES[patternOf(issue.path as ConfigPath)];
  if (message) return message(issue);
  return `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
}

/** A check on a whole object is filed under the field a person would change: the target, the closing time. */
function fieldOf(path: ConfigPath): ConfigPath {
  const pattern = patternOf(path);
  if (pattern === 'priorityLevels.*') return [...path, 'firstContactTarget', 'amount'];
  if (pattern === 'calendar.officeHours.*') return [...path, 'close'];
  return path;
}

/** Minutes a duration stands for in business time, or null for clock hours (not comparable with business time). */
function businessMinutes(d: PolicyDuration, dayMinutes: number): number | null {
  if (d.unit === 'businessHours') return d.amount * 60;
  if (d.unit === 'businessDays') return d.amount * dayMinutes;
  return null;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('en-US');

/** Reports every entry after the first whose key repeats an earlier one. */
function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  issue: (item: T, index: number) => ConfigIssue,
  out: ConfigIssue[],
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === '') return;
    if (seen.has(k)) out.push(issue(item, i));
    seen.add(k);
  });
}

/** Checks across fields, on a configuration the schema has accepted. */
function crossChecks(config: AgencyConfig): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const dayMinutes = businessDayLength(config.calendar.officeHours as WeekHours);

  duplicates(
    config.priorityLevels,
    (p) => fold(p.label),
    (p, i) => ({
      path: ['priorityLevels', i, 'label'],
      message: `Another priority level is already called "${p.label.trim()}". Give each level its own name.`,
    }),
    out,
  );
  duplicates(
    config.priorityLevels,
    (p) => p.id,
    (_p, i) => ({ path: ['priorityLevels', i, 'id'], message: 'Two priority levels have the same id.' }),
    out,
  );
  config.priorityLevels.forEach((level, i) => {
    const target = businessMinutes(level.firstContactTarget, dayMinutes);
    const deadline = businessMinutes(level.firstContactDeadline, dayMinutes);
    if (level.firstContactTarget.unit !== level.firstContactDeadline.unit && target !== null && deadline !== null && target > deadline) {
      out.push({
        path: ['priorityLevels', i, 'firstContactTarget', 'amount'],
        message: `The target (${level.firstContactTarget.amount} ${UNIT_WORDS[level.firstContactTarget.unit]}) is later than the deadline (${level.firstContactDeadline.amount} ${UNIT_WORDS[level.firstContactDeadline.unit]}).`,
      });
    }
  });

  duplicates(
    config.calendar.closures,
    (c) => c.day,
    (_c, i) => ({ path: ['calendar', 'closures', i, 'day'], message: 'There is already a closure on this day.' }),
    out,
  );

  duplicates(
    config.mcos,
    (m) => m.id,
    (_m, i) => ({ path: ['mcos', i, 'id'], message: 'Two MCOs have the same id.' }),
    out,
  );
  // A name or alias may belong to one MCO only, so an old log's "ITC" finds exactly one MCO.
  const owner = new Map<string, string>();
  config.mcos.forEach((mco, i) => {
    const names = [
      { name: mco.name, path: ['mcos', i, 'name'] as ConfigPath },
      ...mco.aliases.map((a, j) => ({ name: a, path: ['mcos', i, 'aliases', j] })),
    ];
    const own = new Set<string>();
    for (const { name, path } of names) {
      const k = fold(name);
      if (k === '' || own.has(k)) continue;
      own.add(k);
      const other = owner.get(k);
      if (other !== undefined)
        out.push({ path, message: `"${name.trim()}" already names ${other}. A name or alias may belong to one MCO only.` });
      else owner.set(k, mco.name.trim());
    }
    duplicates(
      mco.departments,
      (d) => fold(d.name),
      (d, j) => ({
        path: ['mcos', i, 'departments', j, 'name'],
        message: `${mco.name.trim()} already has a department called "${d.name.trim()}".`,
      }),
      out,
    );
    mco.departments.forEach((dept, j) => {
      dept.contacts.forEach((c, k) => {
        const at = ['mcos', i, 'departments', j, 'contacts', k];
        if (c.phone !== '' && normalisePhone(c.phone) === null)
          out.push({
            path: [...at, 'phone'],
            message: 'Enter a 10-digit phone number with area code, for example 515-555-0123 (an extension like x12 may follow).',
          });
        if (c.email !== '' && !isEmail(c.email))
          out.push({ path: [...at, 'email'], message: 'Enter an e-mail address like name@example.org, or leave it empty.' });
      });
    });
  });

  duplicates(
    config.categories,
    (c) => fold(c.name),
    (c, i) => ({ path: ['categories', i, 'name'], message: `Another category is already called "${c.name.trim()}".` }),
    out,
  );
  config.categories.forEach((c, i) => {
    duplicates(
      c.subcategories,
      fold,
      (s, j) => ({
        path: ['categories', i, 'subcategories', j],
        message: `"${c.name.trim()}" already has a sub-category called "${s.trim()}".`,
      }),
      out,
    );
  });

  duplicates(
    config.routing,
    (r) => fold(r.issueType),
    (_r, i) => ({ path: ['routing', i, 'issueType'], message: 'This issue type is already in the directory; edit that entry instead.' }),
    out,
  );

  duplicates(
    // Absent from input shaped before the list existed (the parse adds the defaults).
    config.grievanceReasons ?? [],
    fold,
    (r, i) => ({ path: ['grievanceReasons', i], message: `"${r.trim()}" is already a grievance reason.` }),
    out,
  );

  const levels = new Set(config.priorityLevels.map((p) => p.id));
  const categories = new Set(config.categories.map((c) => fold(c.name)));
  config.suggestionRules.forEach((rule, i) => {
    if (!levels.has(rule.priority)) out.push({ path: ['suggestionRules', i, 'priority'], message: 'Choose a priority level that exists.' });
    if (rule.keywords.length === 0 && rule.categories.length === 0)
      out.push({ path: ['suggestionRules', i, 'keywords'], message: 'Give the rule at least one keyword or category, or remove it.' });
    rule.keywords.forEach((k, j) => {
      if (!/[\p{L}\p{N}]/u.test(k))
        out.push({ path: ['suggestionRules', i, 'keywords', j], message: `"${k}" has no letters or digits, so it can never match.` });
    });
    rule.categories.forEach((c, j) => {
      if (!categories.has(fold(c))) out.push({ path: ['suggestionRules', i, 'categories', j], message: `There is no category "${c}".` });
    });
  });

  try {
    new RegExp(config.medicaidId.pattern);
  } catch (e) {
    out.push({ path: ['medicaidId', 'pattern'], message: `This is not a valid pattern (${(e as Error).message}).` });
  }
  return out;
}

/** crossChecks on input the schema refused: only when it has the full shape of a configuration, else nothing. */
function crossChecksOfUnparsed(input: unknown): ConfigIssue[] {
  const c = input as Partial<AgencyConfig> | null;
  const shaped =
    c !== null &&
    typeof c === 'object' &&
    Array.isArray(c.priorityLevels) &&
    Array.isArray(c.mcos) &&
    Array.isArray(c.categories) &&
    Array.isArray(c.routing) &&
    Array.isArray(c.suggestionRules) &&
    Array.isArray(c.calendar?.officeHours) &&
    Array.isArray(c.calendar?.closures) &&
    typeof c.medicaidId?.pattern === 'string';
  if (!shaped) return [];
  try {
    return crossChecks(c as AgencyConfig);
  } catch {
    return [];
  }
}

/** Parses and checks a whole configuration: the parsed config, or every problem found, each by its field. */
export function validateAgencyConfig(input: unknown): ConfigValidation {
  const parsed = agencyConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues: ConfigIssue[] = [];
    const seen = new Set<string>();
    const all = parsed.error.issues;
    // A whole-object check (open before close) says nothing new when a field inside it is already wrong.
    const insideWrong = (path: ConfigPath) => all.some((o) => o.path.length > path.length && path.every((p, i) => o.path[i] === p));
    for (const issue of all) {
      if (issue.code === 'custom' && fieldOf(issue.path as ConfigPath) !== issue.path && insideWrong(issue.path as ConfigPath)) continue;
      const item = { path: fieldOf(issue.path as ConfigPath), message: friendly(issue) };
      const key = `${pathKey(item.path)}|${item.message}`;
      if (!seen.has(key)) issues.push(item);
      seen.add(key);
    }
    // So a person fixes everything in one go, the checks across fields run too when the shape is right
    // (a form's draft always is); a field already reported keeps its first message.
    const fields = new Set(issues.map((i) => pathKey(i.path)));
    for (const extra of crossChecksOfUnparsed(input)) if (!fields.has(pathKey(extra.path))) issues.push(extra);
    return { ok: false, issues };
  }
  const issues = crossChecks(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: parsed.data };
}

/** Where an issue is, in words, for a message that is not shown beside its field ("Priority level "High", name"). */
export function describePath(config: unknown, path: ConfigPath): string {
  const c = (config ?? {}) as Partial<AgencyConfig>;
  const [head, i, field, j, sub, k] = path;
  const n = typeof i === 'number' ? i + 1 : 0;
  const quoted = (s: unknown, fallback: string) => (typeof s === 'string' && s.trim() !== '' ? `"${s.trim()}"` : fallback);
  switch (head) {
    case 'priorityLevels':
      return typeof i === 'number' ? `Priority level ${quoted(c.priorityLevels?.[i]?.label, String(n))}` : 'Priority levels';
    case 'calendar':
      if (i === 'officeHours' && typeof field === 'number') return `Office hours on ${WEEKDAYS[field]}`;
      if (i === 'closures' && typeof field === 'number') return `Closure ${quoted(c.calendar?.closures?.[field]?.name, String(field + 1))}`;
      return 'Calendar';
    case 'mcos': {
      if (typeof i !== 'number') return 'MCO directory';
      const mco = c.mcos?.[i];
      let where = `MCO ${quoted(mco?.name, String(n))}`;
      if (field === 'departments' && typeof j === 'number') {
        where += `, department ${quoted(mco?.departments?.[j]?.name, String(j + 1))}`;
        if (sub === 'contacts' && typeof k === 'number')
          where += `, contact ${quoted(mco?.departments?.[j]?.contacts?.[k]?.name, String(k + 1))}`;
      }
      return where;
    }
    case 'categories':
      return typeof i === 'number' ? `Category ${quoted(c.categories?.[i]?.name, String(n))}` : 'Categories';
    case 'routing':
      return typeof i === 'number' ? `Routing entry ${quoted(c.routing?.[i]?.issueType, String(n))}` : 'Routing directory';
    case 'suggestionRules':
      return typeof i === 'number' ? `Suggestion rule ${n}` : 'Suggestion rules';
    case 'outreachMaxAttempts':
      return 'Outreach attempts';
    case 'warningThresholds':
      return 'Warning thresholds';
    case 'medicaidId':
      return 'Medicaid ID format';
    case 'timeZone':
      return 'Time zone';
    default:
      return 'Settings';
  }
}

/** One paragraph naming every problem, for an error raised away from the form (Repo.saveConfig). */
export function describeIssues(config: unknown, issues: readonly ConfigIssue[]): string {
  return issues.map((i) => `${describePath(config, i.path)}: ${i.message}`).join(' ');
}

/** A configuration refused on save: every issue by its field, and a message naming them all. */
export class ConfigInvalidError extends DomainError {
  constructor(
    config: unknown,
    readonly issues: readonly ConfigIssue[],
  ) {
    super('validation', `The settings were not saved. ${describeIssues(config, issues)}`);
    this.name = 'ConfigInvalidError';
  }
}
