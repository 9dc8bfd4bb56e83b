import { describe, expect, it } from 'vitest';
import { calendarConfigOf, DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { createCalendar } from '../time/calendar';
import { timeRulesOf } from '../time/timeRules';
import { addNote } from './commands/addNote';
import type { CommandContext } from './commands/context';
import { editFields } from './commands/editFields';
import { ct, Desk } from './commands/testKit';
import { dueItems } from './due';
import { applyEvent } from './projection';

/*
 * Changing the calendar never rewrites targets already recorded (docs/events.md, docs/holidays.md): due times
 * are computed once, by the command, and stored in its event; reading them back needs no calendar.
 * Lincoln's Birthday (Thu 12 Feb 2026) closes the office under the old default (the library's public
 * holidays for US-IA) and not under the Iowa Code 1C.2 preset.
 */
const IOWA_PRESET = {
  ...DEFAULT_AGENCY_CONFIG,
  calendar: { ...DEFAULT_AGENCY_CONFIG.calendar, statePreset: 'IA' as const },
};
const presetTime = timeRulesOf(createCalendar(calendarConfigOf(IOWA_PRESET)));
const firstContact = (d: Desk) => dueItems(d.record).find((i) => i.kind === 'first_contact');
const RECEIVED = ct(2026, 2, 11, 16, 0); // Wed 11 Feb 2026 16:00, High: 2 business hours

describe('a calendar change and the targets already recorded', () => {
  it('differ between the two calendars for an inquiry logged on the eve of Lincoln’s Birthday', () => {
    const old = new Desk({ receivedAt: RECEIVED });
    expect(firstContact(old)?.target).toBe(ct(2026, 2, 13, 9, 30)); // Thu closed: Fri 09:30
    const now = new Desk({ receivedAt: RECEIVED }, { config: IOWA_PRESET });
    // Desk's time rules are the default calendar's; a preset desk computes with its own:
    const ctx: CommandContext = { ...now.context(RECEIVED), config: IOWA_PRESET, time: presetTime };
    expect(ctx.time.add(RECEIVED, { amount: 2, unit: 'businessHours' })).toBe(ct(2026, 2, 12, 9, 30));
  });

  it('keeps the recorded target after the agency moves to the preset, whatever is recorded later', () => {
    const desk = new Desk({ receivedAt: RECEIVED });
    const before = firstContact(desk);
    const eventsBefore = JSON.stringify(desk.events);
    // Later steps run under the new calendar: a note, and an edit of a field that does not restart the timer.
    const later: CommandContext = { ...desk.context(ct(2026, 2, 11, 16, 10)), config: IOWA_PRESET, time: presetTime };
    let record = desk.record;
    for (const e of addNote(record, { text: 'Left a message.' }, later)) record = applyEvent(record, e) ?? record;
    for (const e of editFields(record, { callbackAvailability: 'Mornings' }, later)) record = applyEvent(record, e) ?? record;
    desk.record = record;
    expect(firstContact(desk)?.target).toBe(before?.target);
    expect(firstContact(desk)?.deadline).toBe(before?.deadline);
    expect(firstContact(desk)?.target).toBe(ct(2026, 2, 13, 9, 30));
    // The stored events are the same objects, unchanged.
    expect(JSON.stringify(desk.events)).toBe(eventsBefore);
  });
});
