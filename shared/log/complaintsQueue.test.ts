import { describe, expect, it } from 'vitest';
import { classifyAsComplaint } from '../inquiry/commands/classifyAsComplaint';
import { classifyAsInquiry } from '../inquiry/commands/classifyAsInquiry';
import { reopenInquiry } from '../inquiry/commands/reopenInquiry';
import { resolveInquiry } from '../inquiry/commands/resolveInquiry';
import { TEST_POLICY } from '../inquiry/commands/testing';
import { ct, Desk } from '../inquiry/commands/testKit';
import { EMPTY_WORKFLOW } from '../inquiry/projection';
import { inQueue, queueTimeAt } from './logQuery';
import { toLogRow } from './logRow';

const at = queueTimeAt(ct(2026, 12, 1, 9, 0), TEST_POLICY.config.timeZone as never);
const inComplaints = (desk: Desk) => inQueue(toLogRow(desk.record, TEST_POLICY.config), 'complaints', 'p-ana', at);

describe('the Open complaints queue and the row flag', () => {
  it('holds an open complaint, not a resolved one, and a reopened one again; an inquiry never', () => {
    const desk = new Desk();
    expect([toLogRow(desk.record, TEST_POLICY.config).isComplaint, inComplaints(desk)]).toEqual([false, false]);
    desk.run(
      classifyAsComplaint,
      { responsibleEntity: 'agency', reason: 'Nobody called back.', reasonCategory: 'Plan or provider customer service' },
      ct(2026, 11, 25, 15, 30),
    );
    expect([toLogRow(desk.record, TEST_POLICY.config).isComplaint, inComplaints(desk)]).toEqual([true, true]);
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Called back.' }, ct(2026, 11, 25, 16, 0));
    expect([toLogRow(desk.record, TEST_POLICY.config).isComplaint, inComplaints(desk)]).toEqual([true, false]);
    desk.run(reopenInquiry, { reason: 'Again.' }, ct(2026, 11, 26, 9, 0));
    expect(inComplaints(desk)).toBe(true);
    desk.run(classifyAsInquiry, { note: 'A question after all.' }, ct(2026, 11, 26, 9, 30));
    expect([toLogRow(desk.record, TEST_POLICY.config).isComplaint, inComplaints(desk)]).toEqual([false, false]);
  });

  it('reads a row stored before complaints existed (no grievance field) as an inquiry', () => {
    const desk = new Desk();
    const { grievance: _dropped, ...oldWorkflow } = { ...EMPTY_WORKFLOW, ...desk.record.workflow };
    const stored = { ...desk.record, workflow: oldWorkflow as typeof EMPTY_WORKFLOW };
    expect(toLogRow(stored, TEST_POLICY.config).isComplaint).toBe(false);
  });
});
