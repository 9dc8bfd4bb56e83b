import { isEmail, normalisePhone } from '../inquiry/phone';
import type { Mco, McoContact } from './agencyConfig';

/*
 * Importing MCO contacts from a spreadsheet (CSV with a header row): one contact per row, with the MCO (its
 * name or any alias), the department, and the contact's name, phone, e-mail and hours. The file is checked
 * row by row before anything changes: a row with a problem is reported with its line number and skipped; the
 * rest add contacts or update the contact of the same name in that department. Parsing the CSV text itself is
 * the caller's (papaparse in the renderer); this file takes the header and the rows as strings.
 */

export const MAX_IMPORT_ROWS = 5000;

type Column = 'mco' | 'department' | 'name' | 'phone' | 'email' | 'hours';
const HEADER_NAMES: Record<Column, readonly string[]> = {
  mco: ['mco', 'mco name', 'plan', 'health plan', 'managed care organization'],
  department: ['department', 'dept', 'unit'],
  name: ['name', 'contact', 'contact name'],
  phone: ['phone', 'telephone', 'phone number', 'tel'],
  email: ['email', 'e-mail', 'email address', 'e-mail address'],
  hours: ['hours', 'availability', 'hours of availability', 'when to call'],
};
const REQUIRED: readonly Column[] = ['mco', 'department', 'name'];
const LIMITS: Record<Column, number> = { mco: 120, department: 120, name: 120, phone: 40, email: 160, hours: 120 };

export type ImportOutcome =
  | {
      kind: 'add' | 'update' | 'unchanged';
      mcoIndex: number;
      mcoName: string;
      department: string;
      newDepartment: boolean;
      contact: McoContact;
    }
  | { kind: 'error'; message: string };

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  values: Record<Column, string>;
  outcome: ImportOutcome;
}

export type ImportPlan = { ok: false; fileError: string } | { ok: true; rows: ImportRow[]; counts: Record<ImportOutcome['kind'], number> };

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');

/** Which column of the file holds each field, from its header row. */
function mapHeader(header: readonly string[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const name = fold(h);
    for (const col of Object.keys(HEADER_NAMES) as Column[]) if (map[col] === undefined && HEADER_NAMES[col].includes(name)) map[col] = i;
  });
  return map;
}

/** Checks every row against the directory as it stands (`mcos`), without changing it. */
export function planContactImport(mcos: readonly Mco[], header: readonly string[], rows: readonly (readonly string[])[]): ImportPlan {
  const columns = mapHeader(header);
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      fileError: `The first row must name the columns. Needed: MCO, Department and Name (Phone, Email and Hours are optional). Missing: ${missing
        .map((c) => ({ mco: 'MCO', department: 'Department', name: 'Name' })[c as 'mco' | 'department' | 'name'])
        .join(', ')}. Found: ${header.filter((h) => h.trim() !== '').join(', ') || 'nothing'}.`,
    };
  const body = rows.filter((r) => r.some((v) => v.trim() !== ''));
  if (body.length === 0) return { ok: false, fileError: 'The file has a header row but no contacts under it.' };
  if (body.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      fileError: `The file has ${body.length.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.`,
    };

  const byName = new Map<string, number>();
  mcos.forEach((m, i) => {
    for (const n of [m.name, ...m.aliases]) if (!byName.has(fold(n))) byName.set(fold(n), i);
  });
  // Contacts as they will be after the rows above, so a name repeated in the file updates the earlier row's contact.
  const seen = new Map<string, McoContact>();
  const counts = { add: 0, update: 0, unchanged: 0, error: 0 };
  const planned: ImportRow[] = [];
  rows.forEach((row, r) => {
    if (!row.some((v) => v.trim() !== '')) return;
    const get = (c: Column) => {
      const i = columns[c];
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const values: Record<Column, string> = {
      mco: get('mco'),
      department: get('department'),
      name: get('name'),
      phone: get('phone'),
      email: get('email'),
      hours: get('hours'),
    };
    const outcome = planRow(values, mcos, byName, seen);
    counts[outcome.kind] += 1;
    planned.push({ line: r + 2, values, outcome });
  });
  return { ok: true, rows: planned, counts };
}

function planRow(
  v: Record<Column, string>,
  mcos: readonly Mco[],
  byName: Map<string, number>,
  seen: Map<string, McoContact>,
): ImportOutcome {
  const problems: string[] = [];
  if (v.mco === '') problems.push('the MCO is empty');
  if (v.department === '') problems.push('the department is empty');
  if (v.name === '') problems.push('the contact name is empty');
  for (const c of Object.keys(LIMITS) as Column[])
    if (v[c].length > LIMITS[c]) problems.push(`the ${c === 'mco' ? 'MCO' : c} is longer than ${LIMITS[c]} characters`);
  const mcoIndex = v.mco === '' ? undefined : byName.get(fold(v.mco));
  if (v.mco !== '' && mcoIndex === undefined)
    problems.push(`no MCO is called "${v.mco}" (add it to the directory first, or use its name or an alias)`);
  const phone = v.phone === '' ? '' : normalisePhone(v.phone);
  if (phone === null) problems.push(`"${v.phone}" is not a 10-digit phone number with area code`);
  if (v.email !== '' && !isEmail(v.email)) problems.push(`"${v.email}" is not an e-mail address`);
  if (problems.length > 0 || mcoIndex === undefined || phone === null) {
    const text = problems.join('; ');
    return { kind: 'error', message: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
  }
  const mco = mcos[mcoIndex] as Mco;
  const dept = mco.departments.find((d) => fold(d.name) === fold(v.department));
  const contact: McoContact = { name: v.name, phone, email: v.email, hours: v.hours };
  const key = `${mcoIndex}|${fold(v.department)}|${fold(v.name)}`;
  const before = seen.get(key) ?? dept?.contacts.find((c) => fold(c.name) === fold(v.name));
  seen.set(key, contact);
  const kind = before === undefined ? 'add' : sameContact(before, contact) ? 'unchanged' : 'update';
  return { kind, mcoIndex, mcoName: mco.name, department: dept?.name ?? v.department, newDepartment: dept === undefined, contact };
}

const sameContact = (a: McoContact, b: McoContact) =>
  a.name === b.name && a.phone === b.phone && a.email === b.email && a.hours === b.hours;

/** The directory with the plan's good rows applied: new departments and contacts added, same-named contacts updated. */
export function applyContactImport(mcos: readonly Mco[], plan: ImportPlan): Mco[] {
  const out = mcos.map((m) => ({ ...m, departments: m.departments.map((d) => ({ ...d, contacts: [...d.contacts] })) }));
  if (!plan.ok) return out;
  for (const row of plan.rows) {
    const o = row.outcome;
    if (o.kind === 'error' || o.kind === 'unchanged') continue;
    const mco = out[o.mcoIndex];
    if (!mco) continue;
    let dept = mco.departments.find((d) => fold(d.name) === fold(o.department));
    if (!dept) {
      dept = { name: o.department, contacts: [] };
      mco.departments.push(dept);
    }
    const at = dept.contacts.findIndex((c) => fold(c.name) === fold(o.contact.name));
    if (at >= 0) dept.contacts[at] = o.contact;
    else dept.contacts.push(o.contact);
  }
  return out;
}
