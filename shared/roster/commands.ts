import { z } from 'zod';
import { DomainError } from '../errors';
import type { CommandContext } from '../inquiry/commands/context';
import { type PersonAdded, type PersonEdited, type PersonField, type PersonFields, ROSTER_STREAM } from '../inquiry/events';
import { emailSchema, leadsTheUnit, type PersonRef, personNameSchema, ROLES } from '../people';
import { personNamed, type Roster, type RosterPerson, sameName } from './roster';

/*
 * The roster's commands (docs/roster.md): (roster, input, ctx) → events, like the inquiry's. Leads and
 * supervisors keep the roster (Settings → People); anyone adds themselves when they start on a desk.
 */

export const rosterInputSchema = z.object({
  name: personNameSchema('the'),
  role: z.enum(ROLES, { message: 'Choose the role.' }),
  email: emailSchema,
});
export type RosterInput = z.input<typeof rosterInputSchema>;

export type RosterErrors = Partial<Record<'name' | 'role' | 'email', string>>;

/** The input checked, with a message per field a person can act on; `except`: the person being edited. */
export function validateRosterInput(
  roster: Roster,
  input: RosterInput,
  except?: string,
): { ok: true; value: PersonFields } | { ok: false; errors: RosterErrors } {
  const parsed = rosterInputSchema.safeParse(input);
  const errors: RosterErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as keyof RosterErrors] ??= issue.message;
  const name = input.name.trim();
  const same = name ? personNamed(roster, name) : undefined;
  if (!errors.name && same && same.id !== except)
    errors.name = same.active
      ? `${same.name} is on the roster already. Give the full name to tell two people apart.`
      : `${same.name} is on the roster as inactive: reactivate them instead of adding them again.`;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: parsed.data.name, role: parsed.data.role, email: parsed.data.email, active: true } };
}

const envelope = (ctx: CommandContext) => ({
  id: ctx.newId(),
  inquiryId: ROSTER_STREAM,
  actor: ctx.actor,
  deviceId: ctx.deviceId,
  hlc: ctx.stamp(),
  at: ctx.now,
  v: 1 as const,
});

function requireLead(ctx: CommandContext, what: string): void {
  if (!leadsTheUnit(ctx.actor.role)) throw new DomainError('invalid_step', `Only a unit lead or a supervisor can ${what}.`);
}

/** Adds a colleague to the roster (Settings → People): a lead's step. */
export function addPerson(roster: Roster, input: RosterInput, ctx: CommandContext): [PersonAdded] {
  requireLead(ctx, 'add people to the roster');
  const checked = validateRosterInput(roster, input);
  if (!checked.ok) throw new DomainError('validation', Object.values(checked.errors).join(' '));
  return [{ ...envelope(ctx), type: 'PersonAdded', payload: { personId: ctx.newId(), fields: checked.value } }];
}

/**
 * The roster entry of a person starting on a desk (their profile's id is their roster id): none when they
 * are on it already as themselves. Anyone may do this for themselves; it re-activates nobody.
 */
export function joinRoster(
  roster: Roster,
  person: { id: string; name: string; role: PersonFields['role'] },
  ctx: CommandContext,
): PersonAdded[] {
  if (roster[person.id]?.added) return [];
  return [
    {
      ...envelope(ctx),
      type: 'PersonAdded',
      payload: { personId: person.id, fields: { name: person.name, role: person.role, email: '', active: true } },
    },
  ];
}

/** Changes a person's name, role, e-mail or whether they are active: one event per changed field, last writer wins. */
export function editPerson(
  roster: Roster,
  personId: string,
  changes: Partial<PersonFields>,
  ctx: CommandContext,
): (PersonAdded | PersonEdited)[] {
  const person = roster[personId];
  if (!person?.added) throw new DomainError('not_found', 'That person is not on the roster.');
  if (personId !== ctx.actor.id) requireLead(ctx, 'change a colleague on the roster');
  if (changes.name !== undefined || changes.role !== undefined || changes.email !== undefined) {
    const checked = validateRosterInput(
      roster,
      {
        name: changes.name ?? person.name,
        role: changes.role ?? person.role ?? undefined,
        email: changes.email ?? person.email,
      } as RosterInput,
      personId,
    );
    if (!checked.ok) throw new DomainError('validation', Object.values(checked.errors).join(' '));
    changes = { ...changes, ...pick(checked.value, changes) };
  }
  // A person listed from the desk or the log but never added: added now, as they are listed, then changed.
  const adding: PersonAdded[] = person.derived ? joinRoster({}, person, ctx) : [];
  const events: PersonEdited[] = [];
  for (const field of ['name', 'role', 'email', 'active'] as const satisfies readonly PersonField[]) {
    const to = changes[field];
    if (to === undefined || to === person[field]) continue;
    events.push({
      ...envelope(ctx),
      type: 'PersonEdited',
      payload: { personId, field, from: person[field], to } as PersonEdited['payload'],
    });
  }
  if (events.length === 0) throw new DomainError('no_change', 'Nothing changed.');
  return [...adding, ...events];
}

/** The checked name, role and e-mail of those `keys` names (as trimmed by validation); `active` is left as given. */
const pick = (value: PersonFields, keys: Partial<PersonFields>): Partial<PersonFields> =>
  Object.fromEntries((['name', 'role', 'email'] as const).filter((k) => keys[k] !== undefined).map((k) => [k, value[k]]));

/**
 * People the old log names as assignees who are not on the roster: inactive entries, matched by name
 * (never a second entry for a name on it), with ids from the import's person refs so every desk that
 * imports the same log adds the same entries.
 */
export function legacyPeople(roster: Roster, refs: readonly PersonRef[], ctx: CommandContext): PersonAdded[] {
  const events: PersonAdded[] = [];
  const taken: RosterPerson[] = [];
  for (const ref of refs) {
    if (roster[ref.id]?.added || personNamed(roster, ref.name) || taken.some((p) => sameName(p.name, ref.name))) continue;
    const fields: PersonFields = { name: ref.name.trim().slice(0, 80), role: null, email: '', active: false };
    events.push({ ...envelope(ctx), type: 'PersonAdded', payload: { personId: ref.id, fields, legacy: true } });
    taken.push({ ...fields, id: ref.id } as RosterPerson);
  }
  return events;
}
