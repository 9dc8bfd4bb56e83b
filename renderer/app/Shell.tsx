import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_LOG_QUERY,
  type LogQuery,
  QUEUE_LABELS,
  QUEUES,
  type Queue,
  queryForQueue,
  queueCountsOfOpen,
} from '../../shared/log/logQuery';
import { leadsTheUnit, type Profile, ROLE_LABELS } from '../../shared/people';
import { HistoryNotice } from '../chain/HistoryNotice';
import { ANNOUNCER_ID } from '../components/announce';
import { useBusinessCalendar } from '../data/calendar';
import { useAgencyConfig, useDevice, useLogSnapshot } from '../data/hooks';
import { useLogLayout } from '../data/logLayout';
import { useQueueTime } from '../data/useNow';
import { InquiryView } from '../inquiry/InquiryView';
import { IntakeForm } from '../intake/IntakeForm';
import { LockButton } from '../lock/LockGate';
import { LogView } from '../log/LogView';
import { SavedViews } from '../log/SavedViews';
import { SyncBadge } from '../sync/SyncBadge';
import { bridgeEvents } from './bridge';
import { useBridge } from './bridgeContext';
import { CalendarNotice } from './CalendarNotice';
import { KeyboardHelp } from './KeyboardHelp';
import { LazyScreen, lazyScreen } from './lazyScreen';
import { RosterLinkNotice } from './RosterLinkNotice';
import { hrefOf, navigate, parseRoute, useHash } from './router';
import { dueNowOf, localCheckStoreFor, useDesktopIntegration, watchOf } from './useDesktopIntegration';

// The lead tools and settings (charts, spreadsheets, directories) load when first opened, so the
// log's first screen does not wait to parse them (lazyScreen.tsx: without Suspense's 300 ms reveal throttle).
const ExportDialog = lazy(() => import('../leads/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const GrievanceReport = lazyScreen(() => import('../leads/GrievanceReport').then((m) => m.GrievanceReport));
const ImportView = lazyScreen(() => import('../leads/ImportView').then((m) => m.ImportView));
const McoScorecard = lazyScreen(() => import('../leads/McoScorecard').then((m) => m.McoScorecard));
const ReportView = lazyScreen(() => import('../leads/ReportView').then((m) => m.ReportView));
const SettingsView = lazyScreen(() => import('../settings/SettingsView').then((m) => m.SettingsView));

/** The first view of each role (SPEC.md "Who uses it"): an ESR's own queue, the unit lead's callbacks. */
const DEFAULT_QUEUE_BY_ROLE: Record<Profile['role'], Queue> = { liaison: 'open', esr: 'mine', lead: 'unit_lead', supervisor: 'overdue' };

/** The frame around every screen: header, queues, and the current screen. */
export function Shell({ profile }: { profile: Profile }) {
  const route = parseRoute(useHash());
  const device = useDevice();
  // The queue counts and due notices read every row (100,000): from a deferred snapshot, so a save
  // or a note paints at once and they follow, instead of holding the window first.
  const snapshot = useDeferredValue(useLogSnapshot());
  const config = useAgencyConfig();
  const queueTime = useQueueTime(config.timeZone);
  const [query, setQuery] = useState<LogQuery>(() => queryForQueue(DEFAULT_LOG_QUERY, DEFAULT_QUEUE_BY_ROLE[profile.role]));
  const [layout, setLayout] = useLogLayout(profile.id);
  const searchRef = useRef<HTMLInputElement>(null);
  // Which opening of the export dialog is showing (0: none). A dialog's close event comes a task after it is
  // hidden, so a quick Close then Export… would otherwise reopen it and then hear the old one's close.
  const [exporting, setExporting] = useState(0);
  const [help, setHelp] = useState(false);
  // Narrow windows (200-400 % zoom): the queues hide behind a menu button (styles.css "Reflow").
  const [menuOpen, setMenuOpen] = useState(false);
  const bridge = useBridge();
  // Menu commands, notification clicks, the overdue badge and due notifications (desktop; the
  // browser bridge does what a browser can). Only a fully loaded log is reported.
  // Only open inquiries have anything due or waiting: one pass picks them out, and the rest works on
  // those few thousand rather than the whole log each time it changes.
  const openRows = useMemo(() => snapshot.rows.filter((r) => r.status === 'open'), [snapshot.rows]);
  const dueNow = useMemo(
    () => (snapshot.complete ? dueNowOf(openRows, queueTime.now) : null),
    [snapshot.complete, openRows, queueTime.now],
  );
  // Warnings follow the agency's office hours (shared/inquiry/warnings.ts); the rows carry their marks.
  const calendar = useBusinessCalendar(config);
  // Unit lead callbacks notify unit leads only; each person keeps their own last look.
  const unitLead = profile.role === 'lead';
  const watched = useMemo(() => (snapshot.complete ? watchOf(openRows, unitLead) : null), [snapshot.complete, openRows, unitLead]);
  const checks = useMemo(() => localCheckStoreFor(profile.id), [profile.id]);
  const watch = useMemo(
    () => (watched === null ? null : { inquiries: watched, cal: calendar, now: queueTime.now }),
    [watched, calendar, queueTime.now],
  );
  useDesktopIntegration({
    api: bridge,
    events: bridgeEvents,
    due: dueNow,
    watch,
    checks,
    focusSearch: () => {
      const search = searchRef.current;
      if (search === null) return false;
      search.focus();
      search.select();
      return true;
    },
  });

  const counts = useMemo(
    () => queueCountsOfOpen(openRows, snapshot.rows.length, profile.id, queueTime),
    [openRows, snapshot.rows.length, profile.id, queueTime],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        navigate({ name: 'new' });
        focusFirstIntakeField();
      } else if (e.key === '/' && !typing && route.name === 'log') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.name]);

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="queues-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {menuOpen ? 'Close menu' : 'Menu'}
        </button>
        <a className="brand" href={hrefOf({ name: 'log' })}>
          Liaison Log
        </a>
        <button type="button" className="primary" onClick={() => navigate({ name: 'new' })} aria-keyshortcuts="Alt+N">
          New inquiry <kbd>Alt+N</kbd>
        </button>
        <a
          className="topbar-link"
          href={hrefOf({ name: 'settings', section: null })}
          aria-current={route.name === 'settings' ? 'page' : undefined}
        >
          Settings
        </a>
        <SyncBadge />
        {leadsTheUnit(profile.role) && <HistoryNotice />}
        <div className="whoami">
          <span className="who">{profile.displayName}</span>
          <span className="muted">{ROLE_LABELS[profile.role]}</span>
          {device && <span className="muted">Desk {device.deskCode}</span>}
        </div>
        <button type="button" className="topbar-help" aria-keyshortcuts="?" aria-haspopup="dialog" onClick={() => setHelp(true)}>
          Keyboard help (?)
        </button>
        <LockButton profile={profile} />
      </header>
      <nav className="sidebar" id="queues-nav" aria-label="Queues">
        <h2 className="sidebar-title">Queues</h2>
        <ul>
          {QUEUES.map((q) => (
            <li key={q}>
              <button
                type="button"
                className="queue"
                aria-current={route.name === 'log' && query.queue === q ? 'page' : undefined}
                onClick={() => {
                  setQuery((old) => queryForQueue(old, q));
                  setMenuOpen(false);
                  navigate({ name: 'log' });
                }}
              >
                <span>{QUEUE_LABELS[q]}</span>
                <span className="count">{snapshot.complete ? counts[q].toLocaleString('en-US') : '…'}</span>
              </button>
            </li>
          ))}
        </ul>
        <SavedViews
          profileId={profile.id}
          query={query}
          layout={layout}
          onApply={(q, savedLayout) => {
            setQuery(q);
            if (savedLayout) setLayout(savedLayout);
            navigate({ name: 'log' });
          }}
        />
        <h2 className="sidebar-title sidebar-section">Lead tools</h2>
        <ul>
          <li>
            <button type="button" className="lead-link" aria-haspopup="dialog" onClick={() => setExporting((n) => n + 1)}>
              Export…
            </button>
          </li>
          <li>
            <a className="lead-link" href={hrefOf({ name: 'report' })} aria-current={route.name === 'report' ? 'page' : undefined}>
              Lead report
            </a>
          </li>
          <li>
            <a className="lead-link" href={hrefOf({ name: 'grievances' })} aria-current={route.name === 'grievances' ? 'page' : undefined}>
              Grievance report
            </a>
          </li>
          <li>
            <a className="lead-link" href={hrefOf({ name: 'scorecard' })} aria-current={route.name === 'scorecard' ? 'page' : undefined}>
              MCO scorecard
            </a>
          </li>
          <li>
            <a className="lead-link" href={hrefOf({ name: 'import' })} aria-current={route.name === 'import' ? 'page' : undefined}>
              Import the old log
            </a>
          </li>
          <li>
            <a
              className="lead-link"
              href={hrefOf({ name: 'settings', section: 'verify' })}
              aria-current={route.name === 'settings' && route.section === 'verify' ? 'page' : undefined}
            >
              Verify the log
            </a>
          </li>
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <RosterLinkNotice profile={profile} />
        {profile.role === 'lead' && <CalendarNotice />}
        {route.name === 'log' && (
          <LogView profile={profile} query={query} onQuery={setQuery} layout={layout} onLayout={setLayout} searchRef={searchRef} />
        )}
        {route.name === 'new' && <IntakeForm profile={profile} />}
        {route.name === 'inquiry' && <InquiryView id={route.id} profile={profile} />}
        {route.name === 'settings' && <LazyScreen of={SettingsView} props={{ section: route.section, profile }} />}
        {route.name === 'import' && <LazyScreen of={ImportView} props={{}} />}
        {route.name === 'report' && <LazyScreen of={ReportView} props={{}} />}
        {route.name === 'grievances' && <LazyScreen of={GrievanceReport} props={{}} />}
        {route.name === 'scorecard' && <LazyScreen of={McoScorecard} props={{}} />}
      </main>
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
      <div id={ANNOUNCER_ID} className="visually-hidden" aria-live="polite" />
      {exporting > 0 && (
        <Suspense fallback={null}>
          <ExportDialog
            key={exporting}
            query={query}
            profile={profile}
            queueTime={queueTime}
            onClose={() => setExporting((n) => (n === exporting ? 0 : n))}
          />
        </Suspense>
      )}
    </div>
  );
}

/** Alt+N: the focus goes into the intake's first field once the form shows (issue 16), ready to type. */
function focusFirstIntakeField(tries = 30): void {
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>('.intake form input, .intake form select, .intake form textarea');
    if (first) first.focus();
    else if (tries > 0) focusFirstIntakeField(tries - 1);
  });
}

/** "Imported — to review" reads oldest first; leaving it goes back to the default order. Other queues keep the order chosen. */
function _sortForQueue(q: Queue, old: LogQuery): LogQuery['sort'] {
  if (q === 'imported_review') return [{ column: 'receivedAt', desc: false }];
  return old.queue === 'imported_review' ? DEFAULT_LOG_QUERY.sort : old.sort;
}
