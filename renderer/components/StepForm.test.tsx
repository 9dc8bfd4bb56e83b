import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/errors';
import type { WhenInput } from '../../shared/inquiry/commands/when';
import type { Instant, TimeZone } from '../../shared/time/types';
import { STILL_SAVING_AFTER_MS, StepForm } from './StepForm';

/** A step form with one note field, recording through `save`. */
function Harness({ save, onDone }: { save: (note: string) => Promise<string>; onDone: (result?: string) => void }) {
  const [note, setNote] = useState('');
  return (
    <StepForm title="Record a follow-up" submitLabel="Record follow-up" onSubmit={() => save(note)} onDone={onDone}>
      <label htmlFor="note">Note</label>
      <textarea id="note" value={note} onChange={(e) => setNote(e.target.value)} />
    </StepForm>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('StepForm', () => {
  it('opens on its first field and records with Ctrl+Enter, handing the result on', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    render(<Harness save={async (note) => `Recorded: ${note}`} onDone={onDone} />);
    expect(document.activeElement?.id).toBe('note');
    await user.keyboard('Called the MCO{Control>}{Enter}{/Control}');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('Recorded: Called the MCO'));
  });

  it('says why a save failed, beside the buttons, keeps what was typed and lets the person try again', async () => {
    const onDone = vi.fn();
    const save = vi
      .fn<(note: string) => Promise<string>>()
      .mockRejectedValueOnce(new DomainError('invalid_step', 'The inquiry is resolved: reopen it first.'));
    save.mockResolvedValueOnce('ok');
    const user = userEvent.setup();
    render(<Harness save={save} onDone={onDone} />);
    await user.keyboard('Second try{Control>}{Enter}{/Control}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The inquiry is resolved: reopen it first.');
    expect(alert.previousElementSibling?.className).toBe('actions');
    expect(onDone).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Second try');
    expect(document.activeElement?.id).toBe('note');
    expect((screen.getByRole('button', { name: 'Record follow-up' }) as HTMLButtonElement).disabled).toBe(false);

    await user.keyboard('{Control>}{Enter}{/Control}');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('ok'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it is still saving when a save takes more than a few seconds, and not before', async () => {
    vi.useFakeTimers();
    let finish: (value: string) => void = () => {};
    const onDone = vi.fn();
    render(<Harness save={() => new Promise<string>((ok) => (finish = ok))} onDone={onDone} />);
    fireEvent.keyDown(screen.getByLabelText('Note'), { key: 'Enter', ctrlKey: true });
    const status = screen.getByRole('status');
    expect((screen.getByRole('button', { name: 'Record follow-up' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(STILL_SAVING_AFTER_MS - 1);
    });
    expect(status.textContent).toBe('');
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    expect(status.textContent).toBe('Still saving… The step is recorded when this form closes.');
    await act(async () => {
      finish('done');
    });
    expect(onDone).toHaveBeenCalledWith('done');
    expect(status.textContent).toBe('');
  });

  it('closes without recording on Escape or Cancel', async () => {
    const onDone = vi.fn();
    const save = vi.fn(async () => 'no');
    const user = userEvent.setup();
    render(<Harness save={save} onDone={onDone} />);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone.mock.calls).toEqual([[], []]);
    expect(save).not.toHaveBeenCalled();
  });

  it('with a When: hands the typed moment to the step, and shows the command’s refusal of it beside the field, not as an alert', async () => {
    const clock = { now: () => Date.parse('2026-11-23T20:30:00Z') as Instant };
    const when = { receivedAt: Date.parse('2026-11-23T19:45:00Z') as Instant, clock, zone: 'America/Chicago' as TimeZone };
    const save = vi
      .fn<(w: WhenInput) => Promise<string>>()
      .mockRejectedValueOnce(new DomainError('validation', 'That is before the referral to the MCO (11/23/2026 2:10 PM).', 'happenedAt'))
      .mockResolvedValueOnce('ok');
    const onDone = vi.fn();
    const user = userEvent.setup();
    render(
      <StepForm title="The MCO reported back" submitLabel="Record report-back" when={when} onSubmit={save} onDone={onDone}>
        <label htmlFor="note">Note</label>
        <textarea id="note" />
      </StepForm>,
    );
    const time = screen.getByLabelText('Time') as HTMLInputElement;
    await user.clear(time);
    await user.type(time, '2:05 pm');
    await user.click(screen.getByRole('button', { name: 'Record report-back' }));
    expect(save).toHaveBeenLastCalledWith({ happenedAt: Date.parse('2026-11-23T20:05:00Z') });
    const error = await screen.findByText('That is before the referral to the MCO (11/23/2026 2:10 PM).');
    expect(error.closest('fieldset')?.querySelector('legend')?.textContent).toBe('When it happened');
    expect(time.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(document.activeElement).toBe(screen.getByLabelText('Day'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();

    await user.clear(time);
    await user.type(time, '2:15 pm');
    await user.click(screen.getByRole('button', { name: 'Record report-back' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('ok'));
    expect(save).toHaveBeenLastCalledWith({ happenedAt: Date.parse('2026-11-23T20:15:00Z') });
  });
});

/** A step button that opens the form, as the Process panel has them. */
function Opener({ save }: { save: (note: string) => Promise<string> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Follow up
      </button>
      {open && <Harness save={save} onDone={() => setOpen(false)} />}
    </>
  );
}

describe('StepForm closing (issue 16)', () => {
  it('closes at once on Escape when nothing was typed, the focus back on the step button', async () => {
    const user = userEvent.setup();
    render(<Opener save={async () => 'ok'} />);
    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    expect(document.activeElement?.id).toBe('note');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Follow up'));
  });

  it('asks before discarding what was typed: Keep editing goes back to the field, Discard closes', async () => {
    const user = userEvent.setup();
    render(<Opener save={async () => 'ok'} />);
    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    await user.keyboard('Half a note{Escape}');
    const ask = screen.getByRole('alertdialog', { name: /^Discard this record a follow-up\?/ });
    expect(document.activeElement?.textContent).toBe('Discard');
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('note'));
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Half a note');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(ask.isConnected).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByLabelText('Note')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Follow up'));
  });
});
