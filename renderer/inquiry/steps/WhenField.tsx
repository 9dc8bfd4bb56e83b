import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type WhenInput, type WhenLimits, whenProblem } from '../../../shared/inquiry/commands/when';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { asInstant, type Clock, type Instant, type TimeZone } from '../../../shared/time/types';
import { asTimeZone, pad2, zonedParts } from '../../../shared/time/zone';
import { useAgencyConfig, useServices } from '../../data/hooks';
import { readDayTime, typedDayOf } from './fields';

const UTC = asTimeZone('UTC');

/*
 * "When it happened" on a step form (SPEC.md "The inquiry", Timeline): day and time in the agency's zone, now
 * unless the person changes it, refused before the inquiry was received or in the future with the reason beside
 * the field. The same rules as the command (shared/inquiry/commands/when.ts), which checks again. StepForm shows
 * it (once, for every step form) when given `when`.
 */

/** What a step form's When needs: the bounds of the step, the clock and the agency's zone. */
export interface WhenSetup {
  receivedAt: Instant;
  /** The step it follows, when it follows one (the referral a report-back answers). */
  after?: WhenLimits['after'];
  clock: Clock;
  zone: TimeZone;
  /** The legend; "When it happened" unless said. */
  label?: string;
  /** The ids of its inputs are `<id>-day` and `<id>-time`; the form's own unless said. */
  id?: string;
}

/** The When of a step on `inquiry` (agency zone, app clock); `after`: the step it follows. */
export function useWhen(inquiry: Pick<InquiryRecord, 'receivedAt'>, after?: WhenLimits['after']): WhenSetup {
  const { clock } = useServices();
  const zone = useAgencyConfig().timeZone;
  const afterAt = after?.at;
  const afterWhat = after?.what;
  return useMemo(
    () => ({
      receivedAt: inquiry.receivedAt,
      after: afterAt !== undefined && afterWhat !== undefined ? { at: afterAt, what: afterWhat } : undefined,
      clock,
      zone,
    }),
    [inquiry.receivedAt, afterAt, afterWhat, clock, zone],
  );
}

/** "2:20 PM": a time as the When field shows it. */
export function typedTimeOf(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  const hour = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${hour}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** Which input a problem is about: one of them (it does not read), or both (the moment does not fit). */
type Fault = 'day' | 'time' | 'both';

export interface WhenState {
  day: string;
  time: string;
  setDay(v: string): void;
  setTime(v: string): void;
  error: { message: string; fault: Fault } | null;
  /** The step's When input (empty: now), or null after showing what to fix beside the field. */
  read(): WhenInput | null;
  /** Which input to put the person in after a refusal: the one to fix (the day when both are). */
  faultyInput(): 'day' | 'time';
  /** Shows a refusal of the command (a DomainError on `happenedAt`) beside the field. */
  refuse(message: string): void;
  /** Back to now, untouched (after a step is recorded with the form staying open). */
  reset(): void;
}

/** The When's state. While the person has not changed it, it shows now, kept current, and means now. */
export function useWhenState(setup: WhenSetup | undefined): WhenState {
  const now = () => setup?.clock.now() ?? asInstant(Date.now());
  const zone = setup?.zone ?? UTC;
  const [day, setDayText] = useState(() => typedDayOf(now(), zone));
  const [time, setTimeText] = useState(() => typedTimeOf(now(), zone));
  const [error, setError] = useState<WhenState['error']>(null);
  const touched = useRef(false);
  const fault = useRef<Fault>('both');
  const clock = setup?.clock;

  // Untouched, it follows the clock (a form left open over a minute change still shows now).
  useEffect(() => {
    if (!clock) return;
    const timer = setInterval(() => {
      if (touched.current) return;
      const at = clock.now();
      setDayText(typedDayOf(at, zone));
      setTimeText(typedTimeOf(at, zone));
    }, 15_000);
    return () => clearInterval(timer);
  }, [clock, zone]);

  // Changing the moment answers what was said about it: the message goes until the next try.
  const setDay = useCallback((v: string) => {
    touched.current = true;
    setDayText(v);
    setError(null);
  }, []);
  const setTime = useCallback((v: string) => {
    touched.current = true;
    setTimeText(v);
    setError(null);
  }, []);

  function read(): WhenInput | null {
    if (!setup || !touched.current) {
      setError(null);
      return {};
    }
    const { at, errors } = readDayTime(day, time, setup.zone);
    if (at === null) {
      fault.current = errors.day && errors.time ? 'both' : errors.day ? 'day' : 'time';
      setError({ message: [errors.day, errors.time].filter(Boolean).join(' '), fault: fault.current });
      return null;
    }
    const problem = whenProblem(at, { receivedAt: setup.receivedAt, now: setup.clock.now(), zone: setup.zone, after: setup.after });
    if (problem) {
      fault.current = 'both';
      setError({ message: problem, fault: 'both' });
      return null;
    }
    setError(null);
    return { happenedAt: at };
  }

  function reset(): void {
    touched.current = false;
    setDayText(typedDayOf(now(), zone));
    setTimeText(typedTimeOf(now(), zone));
    setError(null);
  }

  function refuse(message: string): void {
    fault.current = 'both';
    setError({ message, fault: 'both' });
  }

  return { day, time, setDay, setTime, error, read, faultyInput: () => (fault.current === 'time' ? 'time' : 'day'), refuse, reset };
}

/** The When field: a group of the day and the time, its hint, and what to fix. */
export function WhenField({ idPrefix, setup, state }: { idPrefix: string; setup: WhenSetup; state: WhenState }) {
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  const error = state.error;
  const input = (which: 'day' | 'time') => {
    const invalid = error !== null && (error.fault === which || error.fault === 'both');
    return {
      id: `${idPrefix}-${which}`,
      'aria-describedby': invalid ? `${errorId} ${hintId}` : hintId,
      'aria-invalid': invalid ? true : undefined,
      autoComplete: 'off',
    } as const;
  };
  return (
    <fieldset className={`field when-field${error ? ' has-error' : ''}`}>
      <legend>{setup.label ?? 'When it happened'}</legend>
      <p id={hintId} className="hint">
        Now, unless it happened earlier: then type the day (mm/dd/yyyy) and the time (2:05 PM), agency time.
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idPrefix}-day`}>Day</label>
          <input {...input('day')} value={state.day} onChange={(e) => state.setDay(e.target.value)} size={11} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-time`}>Time</label>
          <input {...input('time')} value={state.time} onChange={(e) => state.setTime(e.target.value)} size={9} />
        </div>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
