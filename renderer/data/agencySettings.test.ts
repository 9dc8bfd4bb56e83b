import { describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import { ConfigInvalidError } from '../../shared/config/validateConfig';
import { DomainError } from '../../shared/errors';
import type { Profile } from '../../shared/people';
import { freshDeskPerTest, LEE_GRANT, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { CONFIG_HISTORY_LIMIT, type ConfigHistoryEntry } from './agencySettings';

let desk: TestDesk;
let lead: Profile;

freshDeskPerTest((d, profile) => {
  desk = d;
  lead = profile;
}, LEE_GRANT);

const DIRE = {
  id: 'dire-need',
  label: 'Dire need',
  path: 'high' as const,
  firstContactTarget: { amount: 12, unit: 'clockHours' as const },
  firstContactDeadline: { amount: 24, unit: 'clockHours' as const },
};

const withDire = (): AgencyConfig => ({
  ...structuredClone(DEFAULT_AGENCY_CONFIG),
  priorityLevels: [...DEFAULT_AGENCY_CONFIG.priorityLevels, DIRE],
});
const stored = async () => (await desk.db.meta.get('config'))?.value;
const history = async () => ((await desk.db.meta.get('configHistory'))?.value ?? []) as ConfigHistoryEntry[];

describe('Repo.saveConfig', () => {
  it('stores the configuration and a history entry with the one it replaced, who and when', async () => {
    const result = await desk.repo.saveConfig(withDire());
    expect(result.changes).toEqual([
      'Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours, following the High process.',
    ]);
    expect(await stored()).toEqual(withDire());
    expect((await desk.repo.config()).priorityLevels.map((p) => p.label)).toEqual(['High', 'Escalated', 'Dire need']);
    expect(await history()).toEqual([
      { at: Date.parse(MONDAY_2PM), by: { id: lead.id, name: 'Lee Grant' }, changes: result.changes, previous: DEFAULT_AGENCY_CONFIG },
    ]);

    desk.clock.set('2026-11-24T15:00:00.000Z');
    const next = withDire();
    next.outreachMaxAttempts = 3;
    await desk.repo.saveConfig(next);
    const entries = await history();
    expect(entries.map((e) => e.changes)).toEqual([['Outreach attempts before "unable to reach" is offered: 2 → 3.'], result.changes]);
    expect(entries[0]?.previous).toEqual(withDire());
    expect(entries[0]?.at).toBe(Date.parse('2026-11-24T15:00:00.000Z'));
  });

  it('writes nothing when nothing changed', async () => {
    expect(await desk.repo.saveConfig(structuredClone(DEFAULT_AGENCY_CONFIG))).toEqual({ changes: [] });
    expect(await stored()).toBeUndefined();
    expect(await history()).toEqual([]);
  });

  it('refuses an invalid configuration with every problem by field, and stores nothing', async () => {
    const bad = withDire();
    bad.priorityLevels[2] = { ...DIRE, label: '' };
    bad.outreachMaxAttempts = 0;
    const error = await desk.repo.saveConfig(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect((error as ConfigInvalidError).code).toBe('validation');
    expect((error as ConfigInvalidError).issues).toEqual([
      { path: ['priorityLevels', 2, 'label'], message: 'Give the priority level a name.' },
      { path: ['outreachMaxAttempts'], message: 'Enter a whole number of attempts from 1 to 10.' },
    ]);
    expect((error as Error).message).toBe(
      'The settings were not saved. Priority level 3: Give the priority level a name. Outreach attempts: Enter a whole number of attempts from 1 to 10.',
    );
    expect(await stored()).toBeUndefined();
    expect(await history()).toEqual([]);
  });

  it('refuses to remove a priority level open inquiries have, and allows it once they are resolved', async () => {
    await desk.repo.saveConfig(withDire());
    const { id } = await desk.repo.logInquiry({ ...PAT_LEE, priority: 'dire-need' });
    await desk.repo.logInquiry({ ...PAT_LEE, priority: 'dire-need' });
    const error = await desk.repo.saveConfig(structuredClone(DEFAULT_AGENCY_CONFIG)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe(
      'Nothing was saved: "Dire need" (2 open inquiries) cannot be removed while open inquiries have it. Resolve them or change their priority first.',
    );
    expect(await stored()).toEqual(withDire());
    expect(await history()).toHaveLength(1);

    await desk.repo.editFields(id, { priority: 'high' });
    const again = await desk.repo.saveConfig(structuredClone(DEFAULT_AGENCY_CONFIG)).catch((e: unknown) => e);
    expect((again as Error).message).toMatch(/^Nothing was saved: "Dire need" \(1 open inquiry\)/);
  });

  it(`keeps the newest ${CONFIG_HISTORY_LIMIT} history entries`, async () => {
    for (let i = 0; i < CONFIG_HISTORY_LIMIT + 3; i++) {
      const next = structuredClone(DEFAULT_AGENCY_CONFIG);
      next.outreachMaxAttempts = (i % 9) + 1 === 2 ? 10 : (i % 9) + 1;
      await desk.repo.saveConfig(next);
    }
    const entries = await history();
    expect(entries).toHaveLength(CONFIG_HISTORY_LIMIT);
    expect(entries[0]?.changes[0]).toMatch(/^Outreach attempts before "unable to reach" is offered: \d+ → \d+\.$/);
  }, 60_000);
});
