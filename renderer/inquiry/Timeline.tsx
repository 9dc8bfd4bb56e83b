import { type FormEvent, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { NOTE_MAX_LENGTH } from '../../shared/inquiry/commands/addNote';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { FIELD_LABELS } from '../../shared/inquiry/fields';
import type { Profile } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { useServices, useTimeline } from '../data/hooks';
import { displayValue } from './display';

/** The inquiry's timeline, newest first, with the note composer on top. Entries are never edited or removed. */
export function Timeline({
  inquiryId,
  config,
  reveal,
  profile,
}: {
  inquiryId: string;
  config: AgencyConfig;
  reveal: boolean;
  profile: Profile;
}) {
  const events = useTimeline(inquiryId);
  const zone = config.timeZone as TimeZone;
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <NoteComposer inquiryId={inquiryId} profile={profile} />
      {events === undefined ? (
        <p aria-busy="true">Loading the timeline…</p>
      ) : (
        <ol className="timeline-list" aria-label="Timeline entries, newest first">
          {[...events].reverse().map((e) => (
            <li key={e.id} className={`entry entry-${e.type}`}>
              <p className="entry-meta">
                <strong>{e.actor.name}</strong> <time dateTime={new Date(e.at).toISOString()}>{formatLong(e.at, zone)}</time>
              </p>
              <EntryBody event={e} config={config} reveal={reveal} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function EntryBody({ event: e, config, reveal }: { event: InquiryEvent; config: AgencyConfig; reveal: boolean }) {
  switch (e.type) {
    case 'InquiryLogged':
      return <p>Logged the inquiry as {e.payload.caseNumber}.</p>;
    case 'NoteAdded':
      return <p className="note-text">{e.payload.text}</p>;
    case 'FieldEdited':
      return (
        <p>
          Changed <strong>{FIELD_LABELS[e.payload.field]}</strong> from{' '}
          <span className="old-value">{displayValue(e.payload.field, e.payload.from, config, reveal)}</span> to{' '}
          <span className="new-value">{displayValue(e.payload.field, e.payload.to, config, reveal)}</span>.
        </p>
      );
  }
}

function NoteComposer({ inquiryId, profile }: { inquiryId: string; profile: Profile }) {
  const { repo } = useServices();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await repo.addNote(inquiryId, text);
      setText('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
      document.getElementById('note-text')?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="note-composer" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="note-text">Add a note as {profile.displayName}</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        maxLength={NOTE_MAX_LENGTH + 500}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-error note-hint' : 'note-hint'}
      />
      <p id="note-hint" className="hint">
        Ctrl+Enter adds the note. Notes cannot be edited or removed; add a new note to correct one.
      </p>
      {error && (
        <p id="note-error" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving}>
        Add note
      </button>
    </form>
  );
}
