import { describe, expect, it } from 'vitest';
import type { FieldEdited } from '../inquiry/events';
import { supersededEdits } from './conflicts';
import { encodeHlc } from './hlc';

let n = 0;
function edit(desk: string, wall: number, from: string, to: string, name = desk): FieldEdited {
  n += 1;
  return {
    id: `01KEDIT${String(n).padStart(19, '0')}`,
    inquiryId: '01KINQUIRY0000000000000001',
    actor: { id: `P-${desk}`, name, role: 'liaison' },
    deviceId: desk,
    hlc: encodeHlc({ wall, counter: 0, deviceId: desk }),
    at: wall,
    v: 1,
    type: 'FieldEdited',
    payload: { field: 'description', from, to },
  } as FieldEdited;
}

describe('edits overwritten by a simultaneous edit', () => {
  it('flags an edit the next one did not start from, and names the winner', () => {
    const ana = edit('ANA', 1000, 'Ride missed', 'Ride missed twice', 'Ana');
    const ben = edit('BEN', 2000, 'Ride missed', 'Ride late', 'Ben');
    const found = supersededEdits([ben, ana]);
    expect([...found.keys()]).toEqual([ana.id]);
    expect(found.get(ana.id)?.actor.name).toBe('Ben');
  });

  it('does not flag edits made one after another, nor two desks setting the same value', () => {
    const a = edit('ANA', 1000, 'x', 'y');
    const b = edit('BEN', 2000, 'y', 'z');
    expect(supersededEdits([a, b]).size).toBe(0);
    const c = edit('ANA', 3000, 'z', 'same');
    const d = edit('BEN', 3000, 'z', 'same');
    expect(supersededEdits([a, b, c, d]).size).toBe(0);
  });

  it('flags the middle edit of three when the last started from the first', () => {
    const a = edit('ANA', 1000, '', 'one');
    const b = edit('BEN', 2000, 'one', 'two');
    const c = edit('CAM', 3000, 'one', 'three');
    expect([...supersededEdits([c, a, b]).keys()]).toEqual([b.id]);
  });
});
