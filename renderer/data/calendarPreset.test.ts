import { describe, expect, it } from 'vitest';
import { freshDeskPerTest, type TestDesk } from '../test/fixtures';

let desk: TestDesk;

freshDeskPerTest(
  (d) => {
    desk = d;
  },
  { displayName: 'Priya Shah', role: 'lead' },
);

describe('the one-time closed-days notice on a desk set up before state presets', () => {
  it('lists the office days Iowa Code 1C.2 would change, and is answered once: accepted saves the preset with a history entry', async () => {
    const notice = await desk.repo.calendarPresetNotice();
    expect(notice?.preset).toBe('IA');
    expect(notice?.difference.closes.map((d) => d.name)).toContain('Friday after Thanksgiving');
    expect(notice?.difference.opens.map((d) => d.name)).toEqual(
      expect.arrayContaining(["Lincoln's Birthday", "Washington's Birthday", "Indigenous Peoples' Day"]),
    );
    await desk.repo.decideCalendarPreset('accepted', 'IA');
    expect((await desk.repo.config()).calendar.statePreset).toBe('IA');
    expect((await desk.repo.configHistory())[0]?.changes).toContain(
      "Closed days: the holiday library's list by type → Iowa state offices (Iowa Code §1C.2).",
    );
    expect(await desk.repo.calendarPresetNotice()).toBeNull();
  });

  it('kept: the calendar stays as it was and the notice does not come back', async () => {
    await desk.repo.decideCalendarPreset('kept', 'IA');
    expect((await desk.repo.config()).calendar.statePreset).toBeNull();
    expect(await desk.repo.configHistory()).toEqual([]);
    expect(await desk.repo.calendarPresetNotice()).toBeNull();
  });
});
