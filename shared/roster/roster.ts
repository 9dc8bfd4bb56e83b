import type { InquiryEvent, PersonField, PersonFields, RosterEvent } from '../inquiry/events';
import { isRosterEvent, PERSON_FIELDS } from '../inquiry/events';
import type { PersonRef, Role } from '../people';
import type { HlcStamp } from '../sync/hlc';
import type { Instant } from '../time/types';

/*
 * The unit's roster as a fold of its events (docs/roster.md). Each field of a person is the value of the
 * event with the highest HLC stamp that set it (PersonAdded sets every field, PersonEdited one), so the
 * fold is the same for any order of the same events: two leads editing the same person on two desks end
 * with the same roster once both desks hold both edits, and `fold` can take new events one at a time.
 */

export interface RosterPerson extends PersonFields {
  id: string;
  /** False while only edits of the person are known (their PersonAdded has not arrived yet): not listed. */
  added: boolean;
  /** Named in the old log (a legacy import), not added by a person. */
  legacy: boolean;
  /** When first added, and by whom (the earliest PersonAdded by stamp). */
  addedAt: Instant | null;
  addedBy: PersonRef | null;
  addedHlc: HlcStamp | null;
  /** The stamp that set each field's value. */
  fieldHlc: Partial<Record<PersonField, HlcStamp>>;
  /**
   * Not from a roster event: a person working at this desk, or seen acting in the log, whom no lead has added
   * (withPeopleAtWork). Listed as active; a lead's first change of them adds them for real (editPerson).
   */
  derived?: true;
}

export type Roster = Readonly<Record<string, RosterPerson>>;

export const EMPTY_ROSTER: Roster = {};

const blank = (id: string): RosterPerson => ({
  id,
  name: '',
  role: null,
  email: '',
  active: false,
  added: false,
  legacy: false,
  addedAt: null,
  addedBy: null,
  addedHlc: null,
  fieldHlc: {},
});

/** The person after one roster event (a new object; `person` is not changed). */
export function applyPersonEvent(person: RosterPerson | undefined, e: RosterEvent): RosterPerson {
  const next: RosterPerson = { ...(person ?? blank(e.payload.personId)), fieldHlc: { ...person?.fieldHlc } };
  const set = <F extends PersonField>(field: F, value: PersonFields[F]) => {
    const current = next.fieldHlc[field];
    if (current !== undefined && current >= e.hlc) return;
    next[field] = value as RosterPerson[F];
    next.fieldHlc[field] = e.hlc;
  };
  if (e.type === 'PersonAdded') {
    for (const field of PERSON_FIELDS) set(field, e.payload.fields[field]);
    next.added = true;
    if (next.addedHlc === null || e.hlc < next.addedHlc) {
      next.addedHlc = e.hlc;
      next.addedAt = e.at;
      next.addedBy = { id: e.actor.id, name: e.actor.name };
      next.legacy = e.payload.legacy === true;
    }
  } else set(e.payload.field, e.payload.to);
  return next;
}

/** The roster with `events` folded in (events of other streams are ignored; the roster given is not changed). */
export function foldRoster(roster: Roster, events: readonly InquiryEvent[]): Roster {
  let next: Record<string, RosterPerson> | null = null;
  for (const e of events) {
    if (!isRosterEvent(e)) continue;
    next ??= { ...roster };
    next[e.payload.personId] = applyPersonEvent(next[e.payload.personId], e);
  }
  return next ?? roster;
}

/**
 * The roster as people see it: its events' fold, and everyone working at this desk or seen acting in the log
 * who is not on it (by id, nor by name), as active entries of their role. So a unit that starts using the app
 * sees its people without anyone typing them in, and no event is written until a lead changes one.
 */
export function withPeopleAtWork(roster: Roster, people: readonly { id: string; name: string; role: Role }[]): Roster {
  let next: Record<string, RosterPerson> | null = null;
  for (const p of people) {
    const current = next ?? roster;
    if (current[p.id]?.added || personNamed(current, p.name)) continue;
    next ??= { ...roster };
    next[p.id] = { ...blank(p.id), name: p.name, role: p.role, active: true, added: true, derived: true };
  }
  return next ?? roster;
}

/** The people listed (added), by name. */
export function rosterPeople(roster: Roster): RosterPerson[] {
  return Object.values(roster)
    .filter((p) => p.added)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The same name, as people would say it: case, spacing and punctuation aside. */
export const sameName = (a: string, b: string): boolean => squashName(a) === squashName(b);
export const squashName = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The listed person of that name, active ones first. */
export function personNamed(roster: Roster, name: string): RosterPerson | undefined {
  const matches = rosterPeople(roster).filter((p) => sameName(p.name, name));
  return matches.find((p) => p.active) ?? matches[0];
}

/** The assignees events name who are not people of the app (the legacy import's `legacy:` refs), once each. */
export function legacyAssignees(events: readonly InquiryEvent[]): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const e of events) {
    const ref =
      e.type === 'InquiryLogged'
        ? e.payload.fields.assignee
        : e.type === 'FieldEdited' && e.payload.field === 'assignee'
          ? e.payload.to
          : null;
    if (ref?.id.startsWith('legacy:') && !byId.has(ref.id)) byId.set(ref.id, ref);
  }
  return [...byId.values()];
}

/** A person's roster events, oldest first: their history (the roster stream holds everyone's). */
export const historyOf = (events: readonly InquiryEvent[], personId: string): RosterEvent[] =>
  events.filter((e): e is RosterEvent => isRosterEvent(e) && e.payload.personId === personId);

// Assignee pickers (SPEC.md "The unit's roster"): active people grouped by role.

export interface AssigneeOption {
  id: string;
  name: string;
  /** Shown but marked: the current assignee when inactive or not on the roster. */
  note?: string;
}
export interface AssigneeGroup {
  label: string;
  options: AssigneeOption[];
}

const GROUP_LABELS: Record<Role, string> = {
  esr: 'ESRs',
  liaison: 'Member liaisons',
  lead: 'Unit leads',
  supervisor: 'Leads / supervisors',
};

/**
 * Whom work can be given to: active people grouped by role (ESRs first when handing off an Escalated
 * inquiry, else member liaisons first), and the current assignee even when inactive or not on the roster,
 * so that saving another change never drops them.
 */
export function assigneeGroups(roster: Roster, current: PersonRef | null, opts: { escalated: boolean }): AssigneeGroup[] {
  const order: Role[] = opts.escalated ? ['esr', 'liaison', 'lead', 'supervisor'] : ['liaison', 'esr', 'lead', 'supervisor'];
  const active = rosterPeople(roster).filter((p) => p.active);
  const groups: AssigneeGroup[] = order
    .map((role) => ({ label: GROUP_LABELS[role], options: active.filter((p) => p.role === role).map((p) => ({ id: p.id, name: p.name })) }))
    .filter((g) => g.options.length > 0);
  const noRole = active.filter((p) => p.role === null);
  if (noRole.length > 0) groups.push({ label: 'Role not recorded', options: noRole.map((p) => ({ id: p.id, name: p.name })) });
  if (current && !active.some((p) => p.id === current.id)) {
    const known = roster[current.id];
    const note = known?.added ? 'inactive' : 'not on the roster';
    groups.push({ label: 'Assigned now', options: [{ id: current.id, name: current.name, note }] });
  }
  return groups;
}

/** Everyone a picker may return, as person refs (for validating a choice). */
export const optionsOf = (groups: readonly AssigneeGroup[]): PersonRef[] =>
  groups.flatMap((g) => g.options.map((o) => ({ id: o.id, name: o.name })));

/** Whether work assigned to `ref` is with someone who can no longer take it (inactive, or only named in the old log). */
export function assignedToInactive(roster: Roster, ref: PersonRef | null): boolean {
  if (!ref) return false;
  const p = roster[ref.id];
  return p?.added ? !p.active : false;
}

/**
 * The roster entry a person working at this desk most likely is, when the roster does not list them under their
 * own profile's id: a desk set up before it joined the unit's share made its own profile, while a lead had already
 * put the same person on the roster from another desk, so work assigned to them there would never reach this
 * desk's "My inquiries". The one active entry (added by an event, not derived) of the same name that no profile of
 * this desk already is. Only ever offered to the person to confirm, never assumed: two colleagues can share a name.
 */
export function rosterEntryFor(
  stored: Roster,
  profile: { id: string; displayName: string },
  deskProfileIds: readonly string[],
): RosterPerson | undefined {
  if (stored[profile.id]?.added) return undefined;
  const candidates = rosterPeople(stored).filter(
    (p) => p.active && !p.derived && !p.legacy && sameName(p.name, profile.displayName) && !deskProfileIds.includes(p.id),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}
