import { type FormEvent, type KeyboardEvent, type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import {
  ConfigInvalidError,
  type ConfigIssue,
  type ConfigPath,
  describePath,
  pathKey,
  validateAgencyConfig,
} from '../../shared/config/validateConfig';
import { failureText } from '../../shared/errors';
import { hrefOf, navigate, setLeaveGuard } from '../app/router';
import { ErrorSummary, FormError } from '../components/ErrorSummary';
import { focusOnMount } from '../components/focusOnMount';
import { useServices } from '../data/hooks';
import { useLeaveGuard } from './useLeaveGuard';

/*
 * What every settings screen shares: a draft of its part of the configuration, one Save that validates the
 * whole configuration (problems shown beside their fields and listed at the top), writes it with
 * Repo.saveConfig (all or nothing), and a Cancel that drops the draft. Leaving with unsaved changes asks first.
 */

/** The id of the control that edits a configuration path: ['priorityLevels', 2, 'label'] → "cfg-priorityLevels-2-label". */
export const fieldId = (path: ConfigPath): string => `cfg-${path.join('-')}`;
const samePath = (path: ConfigPath): ConfigPath => path;

/** A problem found in the draft before it is a configuration (a number that is not one), filed like a config issue. */
export type DraftIssue = ConfigIssue;

/**
 * The configuration a draft says, before Save checks it (validateAgencyConfig makes it an AgencyConfig): as an
 * AgencyConfig, but a closure's day is still the text typed when it is not a day (the draft reports that), so
 * the check still sees the closure where it was.
 */
export type ConfigCandidate = Omit<AgencyConfig, 'calendar'> & {
  calendar: Omit<AgencyConfig['calendar'], 'closures'> & { closures: { day: string; name: string }[] };
};

export interface BuildResult {
  next: ConfigCandidate;
  /** Problems in the draft itself; the configuration is validated only when there are none. */
  issues: DraftIssue[];
}

export interface ConfigEditor<D> {
  draft: D;
  setDraft: (update: (d: D) => D) => void;
  dirty: boolean;
  saving: boolean;
  /** Message beside the control of `path`, if any. */
  errorOf: (path: ConfigPath) => string | undefined;
  save: () => Promise<void>;
  cancel: () => void;
  page: Omit<SettingsPageProps, 'title' | 'intro' | 'children' | 'titleId'>;
}

/** Keeps a draft of `config` (as `toDraft` shapes it) and saves it back through `build`. */
export function useConfigEditor<D>(
  config: AgencyConfig,
  toDraft: (c: AgencyConfig) => D,
  build: (draft: D, config: AgencyConfig) => BuildResult,
  options: {
    /** The path of the control that shows a problem at `path`, when that differs (several aliases in one input). */
    anchor?: (path: ConfigPath) => ConfigPath;
    /** Said after "Saved." and what changed, e.g. when the change takes effect. */
    savedNote?: string;
  } = {},
): ConfigEditor<D> {
  const anchor = options.anchor ?? samePath;
  const { repo } = useServices();
  const [base, setBase] = useState(() => toDraft(config));
  const [draft, setDraftState] = useState(base);
  const [issues, setIssues] = useState<{ next: ConfigCandidate; list: ConfigIssue[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  useLeaveGuard(dirty);

  // Stable between saves, so parts of a screen can skip re-rendering while another part is typed in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `anchor` is a module-level function of each screen.
  const errorOf = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const i of issues?.list ?? []) if (!byKey.has(fieldId(anchor(i.path)))) byKey.set(fieldId(anchor(i.path)), i.message);
    return (path: ConfigPath) => byKey.get(fieldId(path));
  }, [issues]);

  const setDraft = useCallback((update: (d: D) => D) => {
    setDraftState(update);
    setStatus(null);
  }, []);

  const refuse = (next: ConfigCandidate, unordered: ConfigIssue[]) => {
    // Listed in the order of the fields on the screen; problems with no field here come last.
    const at = (i: ConfigIssue) => document.getElementById(fieldId(anchor(i.path)));
    const list = unordered
      .map((issue, n) => ({ issue, n, el: at(issue) }))
      .sort((a, b) => {
        if (a.el && b.el) return a.el === b.el ? a.n - b.n : a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        return a.el ? -1 : b.el ? 1 : a.n - b.n;
      })
      .map((x) => x.issue);
    setIssues({ next, list });
    // The first field in error takes focus; when it is not on this screen, the summary does.
    requestAnimationFrame(() => {
      const first = list.map((i) => document.getElementById(fieldId(anchor(i.path)))).find((el) => el !== null);
      (first ?? summaryRef.current)?.focus();
    });
  };

  async function save() {
    if (saving) return;
    setFailure(null);
    setStatus(null);
    const { next, issues: local } = build(draft, config);
    const checked = validateAgencyConfig(next);
    if (local.length > 0 || !checked.ok) {
      // A field the draft could not read says so once; the configuration's other problems are listed with it.
      const taken = new Set(local.map((i) => pathKey(i.path)));
      return refuse(next, [...local, ...(checked.ok ? [] : checked.issues.filter((i) => !taken.has(pathKey(i.path))))]);
    }
    setIssues(null);
    setSaving(true);
    try {
      const { changes } = await repo.saveConfig(checked.config);
      const saved = toDraft(checked.config);
      setBase(saved);
      setDraftState(saved);
      setStatus(
        changes.length === 0
          ? 'Nothing to save: the settings were already like this.'
          : ['Saved.', ...changes, options.savedNote ?? ''].join(' ').trim(),
      );
    } catch (err) {
      if (err instanceof ConfigInvalidError) refuse(next, [...err.issues]);
      else setFailure(failureText(err));
    } finally {
      setSaving(false);
    }
  }

  const cancel = () => {
    setDraftState(base);
    setIssues(null);
    setFailure(null);
    setStatus(null);
    // Cancel is the choice to drop the changes: no need to ask again.
    setLeaveGuard(null);
    navigate({ name: 'settings', section: null });
  };

  const summary = (issues?.list ?? []).map((i) => ({
    id: fieldId(anchor(i.path)),
    text: `${describePath(issues?.next, i.path)}: ${i.message}`,
  }));
  return {
    draft,
    setDraft,
    dirty,
    saving,
    errorOf,
    save,
    cancel,
    page: { summary, summaryRef, failure, status, saving, dirty, onSave: save, onCancel: cancel },
  };
}

export interface SettingsPageProps {
  titleId: string;
  title: string;
  /** What the page is for, in a sentence or two under the heading. */
  intro: string;
  summary: { id: string; text: string }[];
  summaryRef: React.RefObject<HTMLDivElement | null>;
  failure: string | null;
  status: string | null;
  saving: boolean;
  dirty: boolean;
  onSave: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame of a settings screen: breadcrumb, title, problems, the form, Save and Cancel. Ctrl+Enter saves. */
export function SettingsPage({
  titleId,
  title,
  intro,
  summary,
  summaryRef,
  failure,
  status,
  saving,
  dirty,
  onSave,
  onCancel,
  children,
}: SettingsPageProps) {
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void onSave();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void onSave();
    }
  };
  return (
    <section className="settings-page" aria-labelledby={titleId}>
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'settings', section: null })}>Settings</a> › {title}
      </p>
      <h1 id={titleId} tabIndex={-1} ref={focusOnMount}>
        {title}
      </h1>
      <div className="settings-intro">
        <p className="muted">{intro}</p>
      </div>
      <ErrorSummary what="the settings" items={summary} ref={summaryRef} />
      <FormError message={failure} />
      <form noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
        {children}
        <div className="actions settings-actions">
          <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <p className="settings-dirty" aria-live="polite">
            {dirty ? 'Unsaved changes' : ''}
          </p>
        </div>
      </form>
      <p className="settings-status" role="status">
        {status}
      </p>
    </section>
  );
}

interface CellProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A control in a table cell: its label for screen readers only (the column header shows it), its error below it. */
export function Cell({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (props: CellProps) => ReactNode;
}) {
  const props: CellProps = { id };
  if (error) {
    props['aria-invalid'] = true;
    props['aria-describedby'] = `${id}-error`;
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children(props)}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
