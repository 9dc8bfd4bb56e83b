import { ScrollX } from '../components/ScrollX';
/*
 * Settings → Verify the log: the background check's state, a full verify with its report, the breaks
 * table, and the sign-off. Over 500 lines because the report's parts share one set of words for breaks
 * and gaps (FOUND_VIA, describeRef), kept in one place so the words and the tables agree.
 */

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { EventRef } from '../../shared/inquiry/chain';
import {
  BREAK_LABELS,
  deskCodeOf,
  eventTypeLabel,
  isClean,
  type ReportedBreak,
  type ReportedRef,
  removedText,
  type SignOff,
  type VerifyReport,
} from '../../shared/inquiry/chainReport';
import { actorOf, leadsTheUnit, type Profile, ROLE_LABELS } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { focusOnMount } from '../components/focusOnMount';
import { num, TableHead } from '../components/TableHead';
import { type ChainStatus, useChainStatus } from '../data/chainHooks';
import type { StoredFinding, VerifyProgress } from '../data/chainStore';
import { useServices } from '../data/hooks';
import './data.css';
import './verify.css';

interface Props {
  config: { timeZone: TimeZone };
  profile: Profile;
}

const count = (n: number) => n.toLocaleString('en-US');
const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Settings → Verify the log: checks every desk's hash chain (shared/inquiry/chain.ts) with progress, shows
 * a summary naming every broken event by case number, type, time, desk and place in its chain (never by
 * what it says), and lets the lead sign it off; the sign-off is stored with the summary's SHA-256, and a
 * later verify compares the chain heads each earlier sign-off saw with the log as it is then.
 */
export function VerifyLog({ config, profile }: Props) {
  const zone = config.timeZone;
  const { repo, clock } = useServices();
  const bridge = useBridge();
  const status = useChainStatus();
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [signed, setSigned] = useState<SignOff | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  async function run() {
    setFailure(null);
    setMessage('');
    setReport(null);
    setSigned(null);
    setProgress({ done: 0, total: 0 });
    try {
      const { deviceId } = await repo.device();
      const result = await repo.chain.verify({ deviceId, ranBy: actorOf(profile), now: () => clock.now(), onProgress: setProgress });
      setReport(result);
      setMessage(
        result.totals.breaks === 0
          ? `Verified ${count(result.totals.chained)} chained events on ${count(result.totals.desks)} ${result.totals.desks === 1 ? 'desk' : 'desks'}: no breaks.`
          : `Verified ${count(result.totals.chained)} chained events: ${count(result.totals.breaks)} broken.`,
      );
    } catch (err) {
      setFailure(`The log could not be verified: ${failureText(err)} Nothing was changed; try again.`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="settings-page data-settings verify-log" aria-labelledby="verify-title">
      <h1 id="verify-title" tabIndex={-1} ref={focusOnMount}>
        Verify the log
      </h1>
      <p className="settings-intro">
        Every event a desk records carries a link of that desk’s hash chain: a fingerprint of the event and of the one before it. Verifying
        checks every event against its chain, so an event changed, removed or put in outside the app is found and named. Events from before
        chains existed are counted as not chained.
      </p>

      <BackgroundStatus zone={zone} status={status} />

      <section className="settings-card data-card verify-actions" aria-labelledby="verify-run">
        <h2 id="verify-run">Check every event</h2>
        <p>Reads every event of every desk held here. The log stays usable while it runs.</p>
        <div className="card-actions">
          <button type="button" className="primary" onClick={() => void run()} disabled={progress !== null}>
            Verify the log
          </button>
        </div>
        {progress && (
          <div className="data-progress">
            <progress max={progress.total || 1} value={progress.done} aria-label="Verifying the log" />
            <span>
              {count(progress.done)}
              {progress.total ? ` of ${count(progress.total)}` : ''} events
            </span>
          </div>
        )}
        <p className={`settings-status${report && report.totals.breaks > 0 ? ' verify-broken' : ''}`} role="status">
          {message}
        </p>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
      </section>

      {report && <ReportSummary report={report} zone={zone} />}
      {report && !signed && <SignOffForm report={report} profile={profile} onSigned={setSigned} />}
      {signed && (
        <section className="settings-card data-card" aria-labelledby="verify-signed">
          <h2 id="verify-signed">Signed off</h2>
          <p className="data-ok">
            Signed off by {signed.signedBy.name} ({ROLE_LABELS[signed.signedBy.role]}) on {formatLong(signed.signedAt, zone)}.
          </p>
          <p>
            Summary SHA-256: <code className="verify-hash">{signed.digest}</code>
          </p>
          <div className="card-actions verify-actions">
            <button type="button" className="secondary" onClick={() => window.print()}>
              Print
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void bridge.printToPdf({
                  suggestedName: `log-verification_${new Date(signed.signedAt).toISOString().slice(0, 10)}.pdf`,
                  landscape: false,
                })
              }
            >
              Save as PDF
            </button>
          </div>
        </section>
      )}

      <EarlierSignOffs signOffs={status?.signOffs} zone={zone} />
    </section>
  );
}

function BackgroundStatus({ zone, status }: { zone: TimeZone; status: ChainStatus | undefined }) {
  if (status === undefined) return <p aria-busy="true">Reading what the history checks found…</p>;
  const { findings, cases, sweep, imports } = status;
  const lastImport = imports.at(-1);
  return (
    <section className="settings-card data-card" aria-labelledby="verify-background">
      <h2 id="verify-background">Found by the history checks</h2>
      {findings.length === 0 ? (
        <p>Nothing broken found while syncing, by the background check, or by the last verification.</p>
      ) : (
        <>
          <p className="data-warn" role="alert">
            {findings.length === 1 ? 'One break' : `${count(findings.length)} breaks`} found by the history checks and not put right. Verify
            the log for the full summary.
          </p>
          <ul className="verify-findings">
            {findings.map((f) => (
              <li key={`${f.kind}:${f.event.eventId}:${f.other?.eventId ?? ''}`}>
                {f.missing
                  ? `Desk ${deskCodeOf(f.event.deviceId)}, ${removedText(f.missing)}`
                  : describeRef({ ...f.event, caseNumber: cases[f.event.inquiryId] ?? null }, zone)}
                : {BREAK_LABELS[f.kind]}. Found {FOUND_VIA[f.via]} on {formatLong(f.foundAt, zone)}.
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        The background check reads what is new soon after the app starts, and every desk’s whole chain again over each day.{' '}
        {sweep?.lastCompletedAt
          ? `Its last complete pass ended ${formatLong(sweep.lastCompletedAt, zone)}.`
          : 'Its first pass has not ended yet.'}
      </p>
      {lastImport && (
        <p className="muted">
          Last {lastImport.kind === 'file' ? 'import' : 'restore'}: {formatLong(lastImport.at, zone)} by {lastImport.by.name},{' '}
          {lastImport.decision === 'clean'
            ? 'no breaks in its chains.'
            : `${count(lastImport.breaks)} ${lastImport.breaks === 1 ? 'break' : 'breaks'} in its chains, imported on ${lastImport.by.name}’s decision.`}
        </p>
      )}
    </section>
  );
}

const FOUND_VIA: Record<StoredFinding['via'], string> = {
  sync: 'while syncing',
  background: 'by the background check',
  verify: 'by Verify the log',
  import: 'in the file before it was imported',
};

/** "Note added, recorded Mon, Nov 23, 2026, 2:05 PM CST on desk K7QM2, #57 in its chain" (case number added by the caller where known). */
function describeRef(ref: EventRef | ReportedRef, zone: TimeZone): string {
  const caseNumber = 'caseNumber' in ref && ref.caseNumber ? `${ref.caseNumber} · ` : '';
  const place = ref.seq === null ? 'not chained' : `#${count(ref.seq)} in its chain`;
  return `${caseNumber}${eventTypeLabel(ref.type)}, recorded ${formatLong(ref.at, zone)} on desk ${deskCodeOf(ref.deviceId)}, ${place}`;
}

function ReportSummary({ report, zone }: { report: VerifyReport; zone: TimeZone }) {
  const clean = isClean(report);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new summary takes the focus (the button that started it was disabled while it ran).
  useEffect(() => {
    if (report) headingRef.current?.focus();
  }, [report]);
  return (
    <section className="settings-card data-card verify-report" aria-labelledby="verify-summary">
      <h2 id="verify-summary" tabIndex={-1} ref={headingRef}>
        Summary
      </h2>
      <p className={clean ? 'data-ok' : 'data-warn'}>
        {report.totals.breaks === 0
          ? 'No breaks: every chained event is as its desk recorded it.'
          : `${count(report.totals.breaks)} ${report.totals.breaks === 1 ? 'break' : 'breaks'} found: the events named below were changed, removed or put in outside the app.`}
        {report.totals.gaps > 0
          ? ` ${count(report.totals.gaps)} ${report.totals.gaps === 1 ? 'gap' : 'gaps'} in other desks’ chains: events not on this desk yet (not a break).`
          : ''}
      </p>
      <dl className="data-facts">
        <dt>Run by</dt>
        <dd>
          {report.ranBy.name} ({ROLE_LABELS[report.ranBy.role]})
        </dd>
        <dt>Run on</dt>
        <dd>
          {formatLong(report.ranAt, zone)}, desk {deskCodeOf(report.deviceId)}
        </dd>
        <dt>Events</dt>
        <dd>
          {count(report.totals.events)} held: {count(report.totals.chained)} chained and checked, {count(report.totals.notChained)} not
          chained
        </dd>
        <dt>Desks</dt>
        <dd>{count(report.totals.desks)}</dd>
      </dl>

      <ScrollX label="Desks and their chains">
        <table className="settings-table data-table">
          <caption>Desks and their chains</caption>
          <TableHead columns={['Desk', num('Events'), num('Checked'), num('Not chained'), 'Chain head', num('Breaks'), num('Missing')]} />
          <tbody>
            {report.desks.map((d) => (
              <tr key={d.deviceId}>
                <th scope="row">
                  {d.deskCode}
                  {d.own ? ' (this desk)' : ''}
                </th>
                <td className="num">{count(d.events)}</td>
                <td className="num">{count(d.chained)}</td>
                <td className="num">{count(d.notChained)}</td>
                <td>
                  {d.head ? (
                    <>
                      #{count(d.head.seq)}, {formatLong(d.head.at, zone)}, <code className="verify-hash">{shortHash(d.head.hash)}</code>
                    </>
                  ) : (
                    'No chained events'
                  )}
                </td>
                <td className="num">{count(d.breaks)}</td>
                <td className="num">{count(d.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>

      {report.breaks.length > 0 && <BreaksTable breaks={report.breaks} caption="Broken events" zone={zone} />}

      {report.gaps.length > 0 && (
        <ScrollX label="Events of other desks not on this desk yet">
          <table className="settings-table data-table">
            <caption>Events of other desks not on this desk yet (not a break)</caption>
            <TableHead columns={['Desk', 'Missing', 'Between']} />
            <tbody>
              {report.gaps.map((g) => (
                <tr key={`${g.deviceId}:${g.from}`}>
                  <th scope="row">{deskCodeOf(g.deviceId)}</th>
                  <td>{g.from === g.to ? `#${count(g.from)}` : `#${count(g.from)} to #${count(g.to)}`}</td>
                  <td>
                    {g.after ? `${describeRef(g.after, zone)} and ` : 'the start of the chain and '}
                    {describeRef(g.before, zone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}

      {report.signOffs.length > 0 && (
        <>
          <h3>Earlier sign-offs against the log now</h3>
          <ul className="verify-findings">
            {report.signOffs.map((s) => (
              <li key={s.signOffId}>
                Signed off by {s.signedBy} on {formatLong(s.signedAt, zone)}:{' '}
                {s.intact ? '' : 'the stored sign-off no longer matches its SHA-256 (it was changed). '}
                {s.desks.length === 0
                  ? 'no chains to compare.'
                  : s.desks
                      .map(
                        (d) =>
                          `desk ${deskCodeOf(d.deviceId)} at #${count(d.seq)} ${
                            d.status === 'same'
                              ? 'is unchanged'
                              : d.status === 'changed'
                                ? 'has been made again (REWRITTEN since the sign-off)'
                                : 'is gone (the chain was cut or the event removed since the sign-off)'
                          }`,
                      )
                      .join('; ')}
                .
              </li>
            ))}
          </ul>
        </>
      )}
      {report.previousSignOff && (
        <p className="muted">
          This summary follows the sign-off with SHA-256 <code className="verify-hash">{shortHash(report.previousSignOff)}</code>.
        </p>
      )}
    </section>
  );
}

/** The broken events of a report or of a file's check, one row each. */
export function BreaksTable({
  breaks,
  caption,
  zone,
  linkCases = true,
}: {
  breaks: readonly ReportedBreak[];
  caption: string;
  zone: TimeZone;
  /** Case numbers link to their inquiries (not for a file not imported yet: its cases are not in this log). */
  linkCases?: boolean;
}) {
  return (
    <ScrollX label={caption}>
      <table className="settings-table data-table verify-breaks">
        <caption>{caption}</caption>
        <TableHead columns={['Case', 'Event', 'Recorded', 'Desk', 'Place', 'What is wrong']} />
        <tbody>
          {breaks.map((b) => (
            <BreakRow key={`${b.kind}:${b.event.eventId}:${b.other?.eventId ?? ''}`} b={b} zone={zone} linkCases={linkCases} />
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

/** One broken event; a removal names the seqs missing and the events either side (the removed ones are gone). */
function BreakRow({ b, zone, linkCases }: { b: ReportedBreak; zone: TimeZone; linkCases: boolean }) {
  if (b.missing)
    return (
      <tr>
        <th scope="row">Not known (removed)</th>
        <td>Removed</td>
        <td>Not known</td>
        <td>{deskCodeOf(b.event.deviceId)}</td>
        <td>{b.missing.from === b.missing.to ? `#${count(b.missing.from)}` : `#${count(b.missing.from)} to #${count(b.missing.to)}`}</td>
        <td>
          {removedText(b.missing)}. {BREAK_LABELS.removed}. {b.other ? `Before it: ${describeRef(b.other, zone)}. ` : ''}After it:{' '}
          {describeRef(b.event, zone)}.
        </td>
      </tr>
    );
  return (
    <tr>
      <th scope="row">
        {b.event.caseNumber === null ? (
          'Not in this log'
        ) : linkCases ? (
          <a href={hrefOf({ name: 'inquiry', id: b.event.inquiryId })}>{b.event.caseNumber}</a>
        ) : (
          b.event.caseNumber
        )}
      </th>
      <td>{eventTypeLabel(b.event.type)}</td>
      <td>{formatLong(b.event.at, zone)}</td>
      <td>{deskCodeOf(b.event.deviceId)}</td>
      <td>{b.event.seq === null ? 'not chained' : `#${count(b.event.seq)}`}</td>
      <td>
        {BREAK_LABELS[b.kind]}.{b.other && ` The other event: ${describeRef(b.other, zone)}.`}
      </td>
    </tr>
  );
}

function SignOffForm({ report, profile, onSigned }: { report: VerifyReport; profile: Profile; onSigned: (s: SignOff) => void }) {
  const { repo, clock } = useServices();
  const id = useId();
  const [name, setName] = useState(profile.displayName);
  const [error, setError] = useState<string | null>(null);
  const breaks = report.totals.breaks;
  const [seen, setSeen] = useState(false);
  const [seenError, setSeenError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 120) {
      setError(trimmed.length === 0 ? 'Enter your name to sign the summary off.' : 'Enter a name of at most 120 characters.');
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setError(null);
    if (breaks > 0 && !seen) {
      setSeenError(`Tick this to sign off a summary with ${breaks === 1 ? 'a break' : 'breaks'}.`);
      document.getElementById(`${id}-seen`)?.focus();
      return;
    }
    setSeenError(null);
    setBusy(true);
    try {
      onSigned(await repo.chain.signOff(report, { name: trimmed, profile: actorOf(profile) }, clock.now()));
    } catch (err) {
      setFailure(`The sign-off was not recorded: ${failureText(err)} Try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings-card data-card verify-actions" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`}>Sign off</h2>
      <p>
        Signing off records this summary with your name, the time and its SHA-256, so a later verification can show whether any desk’s chain
        has been made again since.
        {!leadsTheUnit(profile.role) ? ' Sign-offs are usually a unit lead’s.' : ''}
      </p>
      {breaks > 0 && (
        <div className={`field checkbox${seenError ? ' has-error' : ''}`}>
          <label className="choice verify-choice">
            <input
              id={`${id}-seen`}
              type="checkbox"
              checked={seen}
              onChange={(e) => setSeen(e.target.checked)}
              aria-invalid={seenError ? true : undefined}
              aria-describedby={seenError ? `${id}-seen-error` : undefined}
            />{' '}
            I have seen the {breaks === 1 ? 'break' : `${count(breaks)} breaks`} above. Signing off records {breaks === 1 ? 'it' : 'them'}{' '}
            as seen, not as put right.
          </label>
          {seenError && (
            <p id={`${id}-seen-error`} className="field-error">
              {seenError}
            </p>
          )}
        </div>
      )}
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-name`}>Signed off by</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-name-error` : undefined}
        />
        {error && (
          <p id={`${id}-name-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="card-actions">
        <button type="submit" className="primary" disabled={busy}>
          Sign off the summary
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

function EarlierSignOffs({ signOffs, zone }: { signOffs: SignOff[] | undefined; zone: TimeZone }) {
  if (signOffs === undefined || signOffs.length === 0) return null;
  return (
    <section className="settings-card data-card" aria-labelledby="verify-earlier">
      <h2 id="verify-earlier">Sign-offs on this desk</h2>
      <ScrollX label="Sign-offs, newest first">
        <table className="settings-table data-table">
          <caption className="visually-hidden">Sign-offs, newest first</caption>
          <TableHead columns={['Signed off', 'By', 'Result', 'Summary SHA-256']} />
          <tbody>
            {[...signOffs].reverse().map((s) => (
              <tr key={s.id}>
                <td>{formatLong(s.signedAt, zone)}</td>
                <td>{s.signedBy.name}</td>
                <td>
                  {s.report.totals.breaks === 0 ? 'No breaks' : `${count(s.report.totals.breaks)} breaks`}, {count(s.report.totals.chained)}{' '}
                  events checked on {count(s.report.totals.desks)} {s.report.totals.desks === 1 ? 'desk' : 'desks'}
                </td>
                <td>
                  <code className="verify-hash">{shortHash(s.digest)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
}
