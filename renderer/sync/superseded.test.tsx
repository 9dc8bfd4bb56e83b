import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FieldEdited } from '../../shared/inquiry/events';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { DexieSyncStore } from '../data/syncStore';
import { freshDeskPerTest, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

let desk: TestDesk;
freshDeskPerTest((d) => {
  desk = d;
});

describe('the timeline after a sync conflict', { timeout: 30_000 }, () => {
  it('keeps the overwritten value, flagged with who overwrote it', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    await desk.repo.editFields(id, { expectedOutcome: 'Rebook for Thursday' });
    const mine = (await desk.db.events.toArray()).find((e) => e.type === 'FieldEdited') as FieldEdited;
    // Ben, on another desk, changed the same field a moment later without having seen Ana's change.
    const bens: FieldEdited = {
      ...mine,
      id: '01KBENSEDIT000000000000001',
      actor: { id: 'P-BEN', name: 'Ben Ng', role: 'esr' },
      deviceId: 'B2DESK00000000BB',
      hlc: encodeHlc({ wall: Date.parse(MONDAY_2PM) + 1000, counter: 0, deviceId: 'B2DESK00000000BB' }),
      payload: { field: 'expectedOutcome', from: PAT_LEE.expectedOutcome, to: 'Rebook for Friday' },
    };
    const store = new DexieSyncStore(desk.db, desk.changes, () => desk.repo.device());
    await store.ingest([bens], initialSyncState(), null, Date.parse(MONDAY_2PM));

    renderApp(desk, `#/inquiry/${id}`);
    const timeline = await screen.findByRole('list', { name: 'Timeline entries, newest first' }, { timeout: 10_000 });
    const flag = await within(timeline).findByText(/^Not kept: Ben Ng changed Expected outcome at the same time on another desk/);
    expect(flag.closest('li')?.textContent).toContain('Rebook for Thursday');
    expect(within(timeline).getAllByText(/^Not kept:/)).toHaveLength(1);
    expect((await desk.db.inquiries.get(id))?.expectedOutcome).toBe('Rebook for Friday');
  });
});
