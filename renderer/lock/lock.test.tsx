import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Profile, pinHashSchema } from '../../shared/people';
import { App } from '../app/App';
import { MONDAY_2PM, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { fakeBridge, stubLogViewport, tabTo } from '../test/renderApp';
import { DEFAULT_IDLE_MINUTES, FAILURES_BEFORE_WAIT, LockController, memoryStorage, WAIT_MS } from './lockController';
import { hashPin, PIN_ITERATIONS, pinProblem, verifyPin } from './pin';

const MINUTE = 60_000;
/** PBKDF2 at 600,000 iterations takes a noticeable fraction of a second per PIN, more on a busy machine. */
const SLOW = { timeout: 30_000 };
const SETTLE = { timeout: 10_000 };

describe('PINs', SLOW, () => {
  it('are stored only as a salted PBKDF2-SHA-256 hash of at least 310,000 iterations', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(pinHashSchema.parse(a)).toEqual(a);
    expect(a.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(JSON.stringify(a)).not.toContain('2468');
    // A random salt: the same PIN never gives the same stored value.
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2468', b)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
    expect(await verifyPin('', a)).toBe(false);
  });

  it('must be 4 to 12 digits and not the first ones anyone tries', () => {
    expect(pinProblem('')).toBe('Choose a PIN of 4 to 12 digits.');
    expect(pinProblem('12a4')).toBe('Use digits only (0–9) for the PIN.');
    expect(pinProblem('246')).toBe('A PIN is 4 to 12 digits long.');
    expect(pinProblem('2468024680246')).toBe('A PIN is 4 to 12 digits long.');
    for (const weak of ['0000', '1111', '1234', '6789', '9876', '3210', '0123456789'])
      expect(pinProblem(weak), weak).toBe(
        'Choose a PIN that is not one digit repeated or a run like 1234: those are the first anyone tries.',
      );
    for (const fine of ['2468', '8024', '135790', '202611231400']) expect(pinProblem(fine), fine).toBeNull();
  });
});

describe('LockController', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = Date.parse(MONDAY_2PM);
  });

  it('locks after the idle time without activity, and activity postpones it', () => {
    const lock = new LockController('k', memoryStorage(), clock);
    expect(lock.getSnapshot()).toMatchObject({ locked: false, idleMinutes: DEFAULT_IDLE_MINUTES });
    now += 9 * MINUTE;
    lock.check();
    expect(lock.getSnapshot().locked).toBe(false);
    lock.activity();
    now += 9 * MINUTE;
    lock.check();
    expect(lock.getSnapshot().locked).toBe(false);
    expect(lock.msUntilIdle()).toBe(MINUTE);
    now += MINUTE;
    lock.check();
    expect(lock.getSnapshot().locked).toBe(true);
    // Activity while locked does not unlock or postpone anything.
    lock.activity();
    expect(lock.getSnapshot().locked).toBe(true);
  });

  it('stays locked across a reload, and an app opened after the idle time starts locked', () => {
    const storage = memoryStorage();
    const first = new LockController('k', storage, clock);
    first.lock();
    expect(new LockController('k', storage, clock).getSnapshot().locked).toBe(true);

    const other = memoryStorage();
    const used = new LockController('k', other, clock);
    used.activity();
    now += 2 * MINUTE;
    expect(new LockController('k', other, clock).getSnapshot().locked).toBe(false); // a quick reload
    now += DEFAULT_IDLE_MINUTES * MINUTE;
    expect(new LockController('k', other, clock).getSnapshot().locked).toBe(true);
  });

  it('makes the person wait after five wrong PINs, counting across reloads', async () => {
    const storage = memoryStorage();
    let lock = new LockController('k', storage, clock);
    lock.lock();
    for (let i = 1; i < FAILURES_BEFORE_WAIT; i++)
      expect(await lock.unlock(async () => false)).toEqual({ ok: false, reason: 'wrong', triesLeft: FAILURES_BEFORE_WAIT - i, retryAt: 0 });
    lock = new LockController('k', storage, clock); // a reload does not reset the count
    expect(await lock.unlock(async () => false)).toEqual({ ok: false, reason: 'wrong', triesLeft: 0, retryAt: now + WAIT_MS });
    let checked = false;
    expect(
      await lock.unlock(async () => {
        checked = true;
        return true;
      }),
    ).toEqual({ ok: false, reason: 'wait', retryAt: now + WAIT_MS });
    expect(checked).toBe(false);
    now += WAIT_MS;
    expect(await lock.unlock(async () => true)).toEqual({ ok: true });
    expect(lock.getSnapshot()).toMatchObject({ locked: false, failures: 0, retryAt: 0 });
  });

  it('locks when its stored state cannot be read', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(new LockController('k', storage, clock).getSnapshot().locked).toBe(true);
  });

  it('takes an idle time of 1 to 240 whole minutes', () => {
    const lock = new LockController('k', memoryStorage(), clock);
    lock.setIdleMinutes(30);
    expect(lock.getSnapshot().idleMinutes).toBe(30);
    expect(() => lock.setIdleMinutes(0)).toThrow('The idle time is 1 to 240 minutes.');
    expect(() => lock.setIdleMinutes(2.5)).toThrow('The idle time is 1 to 240 minutes.');
  });
});

describe('the lock screen', SLOW, () => {
  let desk: TestDesk;
  let ana: Profile;
  let now: number;
  let lock: LockController;

  beforeEach(async () => {
    desk = openDesk(MONDAY_2PM);
    ana = await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' }, await hashPin('2468'));
    await desk.repo.logInquiry(PAT_LEE);
    now = Date.parse(MONDAY_2PM);
    lock = new LockController(`${desk.db.name}:lock`, memoryStorage(), () => now);
  });
  afterEach(async () => {
    await desk.close();
  });

  function renderLocked(hash = '#/log') {
    window.location.hash = hash;
    const user = userEvent.setup();
    render(<App services={desk} bridge={fakeBridge()} lock={lock} />);
    return user;
  }

  it('replaces the whole app when Ctrl+L is pressed, with focus on the PIN', async () => {
    const unstub = stubLogViewport();
    const user = renderLocked();
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    await waitFor(() => expect(document.querySelector('tbody')?.textContent).toContain('P. L.'));

    await user.keyboard('{Control>}l{/Control}');

    await screen.findByRole('heading', { level: 1, name: 'Liaison Log is locked' });
    await waitFor(() => expect(document.activeElement?.id).toBe('lock-pin'));
    // Nothing of the log is left in the page: no queues, no rows, no case numbers, no member.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.querySelector('table')).toBeNull();
    expect(document.body.textContent).not.toMatch(/All open|P\. L\.|Pat|261123-/);
    expect(document.body.textContent).toContain('Locked for Ana Ortiz.');
    unstub();
  });

  it('says when a PIN is wrong, and unlocks to the same screen with the right one', async () => {
    const user = renderLocked();
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    await user.click(screen.getByRole('button', { name: /^Lock/ }));
    const pin = await screen.findByLabelText('PIN');

    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Enter your PIN.');

    await user.type(pin, '1357{Enter}');
    await waitFor(
      () => expect(screen.getByRole('alert').textContent).toBe('That PIN is not right. 4 more tries before a 30-second wait.'),
      SETTLE,
    );
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect((pin as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(pin);

    await user.type(pin, '2468{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'All open' }, SETTLE)).toBeTruthy();
    expect(lock.getSnapshot()).toMatchObject({ locked: false, failures: 0 });
  });

  it('adding someone not on the roster asks for their name and role in words about them, not "your"', async () => {
    const user = renderLocked();
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    await user.click(screen.getByRole('button', { name: /^Lock/ }));
    await user.click(await screen.findByRole('button', { name: 'Add a person to this desk' }));
    await user.selectOptions(await screen.findByLabelText(/Who is starting here/), 'Someone not on the roster');
    await user.click(screen.getByRole('button', { name: 'Add and unlock' }));
    await waitFor(() => expect(document.body.textContent).toContain('Choose their role.'), SETTLE);
    expect(document.body.textContent).toContain('Enter their name as colleagues know it');
    expect(document.body.textContent).not.toMatch(/Choose your role|Enter your name/);
  });

  it('locks by itself after the idle time', async () => {
    renderLocked();
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    now += DEFAULT_IDLE_MINUTES * MINUTE;
    // The gate checks every second.
    expect(await screen.findByRole('heading', { level: 1, name: 'Liaison Log is locked' }, SETTLE)).toBeTruthy();
  });

  it('lets a colleague unlock with their own PIN, switching the desk to them', async () => {
    await desk.repo.createProfile({ displayName: 'Ben Cho', role: 'lead' }, await hashPin('8024'));
    await desk.repo.switchProfile(ana.id);
    lock.lock();
    const user = renderLocked();
    const who = await screen.findByLabelText('Unlock as');
    await user.selectOptions(who, 'Ben Cho');
    await user.type(screen.getByLabelText('PIN'), '2468{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('That PIN is not right.'), SETTLE);
    await user.type(screen.getByLabelText('PIN'), '8024{Enter}');
    await waitFor(() => expect(screen.getByRole('banner').textContent).toContain('Ben Cho'), SETTLE);
    expect((await desk.repo.activeProfile())?.displayName).toBe('Ben Cho');
  });

  it('asks a profile made before PINs existed to choose one before the log opens', async () => {
    await desk.db.profiles.update(ana.id, { pin: undefined });
    const user = renderLocked();
    await screen.findByRole('heading', { level: 1, name: 'Choose a PIN, Ana Ortiz' });
    // Focus moves in an effect after the heading renders.
    await waitFor(() => expect(document.activeElement?.id).toBe('pin-setup-pin'));
    expect(document.body.textContent).not.toMatch(/P\. L\.|261123-/);

    await user.keyboard('1234{Enter}');
    expect(document.getElementById('pin-setup-pin-error')?.textContent).toBe(
      'Choose a PIN that is not one digit repeated or a run like 1234: those are the first anyone tries.',
    );
    await user.clear(screen.getByLabelText(/^PIN/));
    await user.type(screen.getByLabelText(/^PIN/), '2468');
    await user.type(screen.getByLabelText(/^Type the PIN again/), '2486{Enter}');
    expect(document.getElementById('pin-setup-confirm-error')?.textContent).toBe(
      'The two PINs are not the same. Type the same PIN in both fields.',
    );
    expect((await desk.db.profiles.get(ana.id))?.pin).toBeUndefined();

    await user.clear(screen.getByLabelText(/^Type the PIN again/));
    await user.type(screen.getByLabelText(/^Type the PIN again/), '2468{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'All open' }, SETTLE);
    const stored = (await desk.db.profiles.get(ana.id))?.pin;
    expect(stored && (await verifyPin('2468', stored))).toBe(true);
  });
});

describe('Settings → Lock and PIN', SLOW, () => {
  let desk: TestDesk;
  let ana: Profile;
  let lock: LockController;
  beforeEach(async () => {
    desk = openDesk(MONDAY_2PM);
    ana = await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' }, await hashPin('2468'));
    lock = new LockController('k', memoryStorage());
  });
  afterEach(async () => {
    await desk.close();
  });

  it('sets the idle time and changes the PIN only with the current one', async () => {
    window.location.hash = '#/settings/lock';
    const user = userEvent.setup();
    render(<App services={desk} bridge={fakeBridge()} lock={lock} />);
    await screen.findByRole('heading', { level: 1, name: 'Lock and PIN' }, SETTLE);
    await user.selectOptions(screen.getByLabelText('Lock after this long without use'), '15 minutes');
    expect(lock.getSnapshot().idleMinutes).toBe(15);
    expect(screen.getByText('Saved: this desk locks after 15 minutes without use.')).toBeTruthy();

    await user.type(screen.getByLabelText('Current PIN'), '1357');
    await user.type(screen.getByLabelText(/^New PIN/), '8024');
    await user.type(screen.getByLabelText(/^Type the new PIN again/), '8024{Enter}');
    await waitFor(
      () => expect(document.getElementById('change-pin-current-error')?.textContent).toBe('That is not your current PIN.'),
      SETTLE,
    );
    const unchanged = (await desk.db.profiles.get(ana.id))?.pin;
    expect(unchanged && (await verifyPin('2468', unchanged))).toBe(true);

    await user.clear(screen.getByLabelText('Current PIN'));
    await user.type(screen.getByLabelText('Current PIN'), '2468{Enter}');
    await screen.findByText('Your new PIN is saved. Use it the next time the desk locks.', {}, SETTLE);
    const changed = (await desk.db.profiles.get(ana.id))?.pin;
    expect(changed && (await verifyPin('8024', changed))).toBe(true);
  });
});

describe('first-run profile setup with the lock', SLOW, () => {
  let desk: TestDesk;
  beforeEach(() => {
    desk = openDesk(MONDAY_2PM);
  });
  afterEach(async () => {
    await desk.close();
  });

  it('asks for the PIN with the name and role, and stores only its hash', async () => {
    window.location.hash = '#/log';
    const user = userEvent.setup();
    const lock = new LockController('k', memoryStorage());
    render(<App services={desk} bridge={fakeBridge()} lock={lock} />);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Ana Ortiz');
    await tabTo(user, screen.getByRole('radio', { name: 'Member liaison' }));
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    expect(document.getElementById('profile-pin-error')?.textContent).toBe('Choose a PIN of 4 to 12 digits.');
    expect(document.activeElement?.id).toBe('profile-pin');
    expect(await desk.db.profiles.count()).toBe(0);

    await user.keyboard('2468');
    await user.tab();
    await user.keyboard('2468{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'All open' }, SETTLE);
    const [profile] = await desk.db.profiles.toArray();
    expect(JSON.stringify(profile)).not.toContain('2468');
    expect(profile?.pin && (await verifyPin('2468', profile.pin))).toBe(true);
  });
});
