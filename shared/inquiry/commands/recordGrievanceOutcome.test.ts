import { describe, expect, it } from 'vitest';
import { grievanceOf } from '../projection';
import { recordGrievanceOutcome } from './recordGrievanceOutcome';
import { resolveInquiry } from './resolveInquiry';
import { itRefuses } from './testCases';
import { complaintDesk, ct, Desk, LEE, recordAfter, testContext } from './testKit';

/** The sample complaint, found substantiated on Tue 1 Dec at 08:00. */
const found = recordAfter(complaintDesk, recordGrievanceOutcome, { outcome: 'substantiated', note: 'Confirmed.' }, ct(2026, 12, 1, 8, 0));

describe('recordGrievanceOutcome', () => {
  it('emits one GrievanceOutcomeRecorded; the note may be empty', () => {
    const [event] = recordGrievanceOutcome(
      complaintDesk().record,
      { outcome: 'unable_to_substantiate', note: '  ' },
      testContext(ct(2026, 12, 1, 9, 0)),
    );
    expect(event).toMatchObject({ type: 'GrievanceOutcomeRecorded', payload: { outcome: 'unable_to_substantiate', note: '' } });
  });

  it('records the finding with who and when; a later finding replaces it', () => {
    const desk = complaintDesk();
    desk.run(recordGrievanceOutcome, { outcome: 'unsubstantiated', note: 'Trip log shows the ride came.' }, ct(2026, 12, 1, 9, 0));
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Explained to the member.' }, ct(2026, 12, 1, 10, 0));
    desk.run(
      recordGrievanceOutcome,
      { outcome: 'substantiated', note: 'The trip log was wrong: the driver never came.' },
      ct(2026, 12, 3, 9, 0),
      LEE,
    );
    expect(grievanceOf(desk.record)?.outcome).toEqual({
      outcome: 'substantiated',
      note: 'The trip log was wrong: the driver never came.',
      at: ct(2026, 12, 3, 9, 0),
      by: { id: LEE.id, name: LEE.name },
    });
    expect(desk.record.status).toBe('resolved');
  });

  describe('refusals', () => {
    itRefuses(recordGrievanceOutcome, testContext(ct(2026, 12, 1, 9, 0)), [
      [
        'not a complaint',
        () => new Desk().record,
        { outcome: 'substantiated', note: '' },
        ['invalid_step', 'Classify the inquiry as a complaint before recording its outcome.'],
      ],
      [
        'the same finding again',
        found,
        { outcome: 'substantiated', note: ' Confirmed.' },
        ['no_change', 'The outcome is already "Substantiated" with this note.'],
      ],
    ]);
  });
});
