import type { ReactNode } from 'react';
import type { ConfigPath } from '../../../shared/config/validateConfig';
import type { PolicyDraft } from './draft';

/*
 * The shell each section of Settings → Policy and calendar is drawn in: the section's frame and what a
 * section gets from the screen (the draft, a way to change it, and the problem found at a path).
 */

export interface SectionProps {
  draft: PolicyDraft;
  setDraft: (update: (d: PolicyDraft) => PolicyDraft) => void;
  err: (...path: ConfigPath) => string | undefined;
}

/** One section of the screen: a fieldset with its legend and, where the section needs one, a hint. */
export function Section({ legend, hint, children }: { legend: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="section">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </fieldset>
  );
}
