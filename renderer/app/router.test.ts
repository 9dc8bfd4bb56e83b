import { afterEach, describe, expect, it } from 'vitest';
import { navigate, parseRoute, setLeaveGuard } from './router';

describe('navigate', () => {
  afterEach(() => {
    setLeaveGuard(null);
    window.history.replaceState(null, '', '#/log');
  });

  it('adds a history entry at the route and tells the screens at once, as one hash change', () => {
    window.history.replaceState(null, '', '#/log');
    const heard: string[] = [];
    const listen = (e: HashChangeEvent) => heard.push(`${new URL(e.oldURL).hash} → ${new URL(e.newURL).hash}`);
    window.addEventListener('hashchange', listen);
    const entries = window.history.length;
    navigate({ name: 'inquiry', id: '01JINQUIRY0000000000000001' });
    window.removeEventListener('hashchange', listen);
    expect(window.location.hash).toBe('#/inquiry/01JINQUIRY0000000000000001');
    expect(parseRoute(window.location.hash)).toEqual({ name: 'inquiry', id: '01JINQUIRY0000000000000001' });
    expect(heard).toEqual(['#/log → #/inquiry/01JINQUIRY0000000000000001']);
    expect(window.history.length).toBe(entries + 1);
  });

  it('does nothing for the route already shown, or when a screen with unsaved changes keeps the person there', () => {
    window.history.replaceState(null, '', '#/new');
    let heard = 0;
    const listen = () => {
      heard += 1;
    };
    window.addEventListener('hashchange', listen);
    const entries = window.history.length;
    navigate({ name: 'new' });
    setLeaveGuard(() => false);
    navigate({ name: 'log' });
    window.removeEventListener('hashchange', listen);
    expect(window.location.hash).toBe('#/new');
    expect(heard).toBe(0);
    expect(window.history.length).toBe(entries);
  });
});
