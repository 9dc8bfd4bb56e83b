import { useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { maskFreeText } from '../../shared/inquiry/mask';
import { type InquiryRecord, STATUS_LABELS } from '../../shared/inquiry/projection';
import { stageOf } from '../../shared/log/logRow';
import { displayValue } from './display';

/**
 * What the case is about, first on the inquiry page (issue 16): the issue (category, description, expected outcome),
 * the member, masked until revealed (the description's mentions of them too), and where it stands. Printed with it.
 */
export function CaseCard({ inquiry, config, reveal }: { inquiry: InquiryRecord; config: AgencyConfig; reveal: boolean }) {
  const category = inquiry.subcategory ? `${inquiry.category} › ${inquiry.subcategory}` : inquiry.category;
  const text = (t: string) => (reveal ? t : maskFreeText(t, inquiry));
  return (
    <section className="case-card" aria-labelledby="case-card-title">
      <h2 id="case-card-title" className="visually-hidden">
        The case
      </h2>
      <dl className="case-facts">
        <div>
          <dt>Category</dt>
          <dd>{category || '—'}</dd>
        </div>
        <div>
          <dt>Member</dt>
          <dd>
            {displayValue('memberName', inquiry.memberName, config, reveal)}
            {inquiry.medicaidId && (
              <span className="muted"> · Medicaid ID {displayValue('medicaidId', inquiry.medicaidId, config, reveal)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{[...new Set([STATUS_LABELS[inquiry.status], stageOf(inquiry)])].join(' · ')}</dd>
        </div>
      </dl>
      <div className="case-issue">
        <h3>Issue</h3>
        <p className="case-description">{text(inquiry.description) || '—'}</p>
        <h3>Expected outcome</h3>
        <p>{text(inquiry.expectedOutcome) || '—'}</p>
      </div>
    </section>
  );
}

/** Copies the case number, and says so in a live region (a person pastes it into e-mail: no member data in it). */
export function CopyCaseNumber({ caseNumber }: { caseNumber: string }) {
  const [said, setSaid] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(caseNumber);
      setSaid(`Case number ${caseNumber} copied.`);
    } catch {
      setSaid(`Could not copy: select the case number ${caseNumber} in the heading and press Ctrl+C.`);
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void copy()}>
        Copy case number
      </button>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </>
  );
}
