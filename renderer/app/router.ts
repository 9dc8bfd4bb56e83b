import { useSyncExternalStore } from 'react';

/** Screens, addressed by the URL hash so the browser's Back works and e2e tests can deep-link. */
export type Route =
  | { name: 'log' }
  | { name: 'new' }
  | { name: 'inquiry'; id: string }
  | { name: 'settings'; section: string | null }
  | { name: 'import' }
  | { name: 'report' }
  | { name: 'grievances' }
  | { name: 'scorecard' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { name: 'new' };
  if (path === '/import') return { name: 'import' };
  if (path === '/report') return { name: 'report' };
  if (path === '/grievances') return { name: 'grievances' };
  if (path === '/scorecard') return { name: 'scorecard' };
  const m = /^\/inquiry\/([0-9A-Za-z]{10,40})$/.exec(path);
  if (m) return { name: 'inquiry', id: m[1] as string };
  // Settings: `#/settings` lists the sections, `#/settings/<section>` opens one (see renderer/settings/SettingsView.tsx).
  const settings = /^\/settings(?:\/([a-z-]{1,40}))?$/.exec(path);
  if (settings) return { name: 'settings', section: settings[1] ?? null };
  return { name: 'log' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'log':
      return '#/log';
    case 'new':
      return '#/new';
    case 'inquiry':
      return `#/inquiry/${route.id}`;
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    case 'import':
      return '#/import';
    case 'report':
      return '#/report';
    case 'grievances':
      return '#/grievances';
    case 'scorecard':
      return '#/scorecard';
  }
}

let leaveGuard: (() => boolean) | null = null;

/** A screen with unsaved changes sets a guard that asks before leaving (false = stay); null removes it. */
export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(route: Route): void {
  if (leaveGuard && !leaveGuard()) return;
  const href = hrefOf(route);
  if (window.location.hash === href) return;
  // A history entry as setting location.hash makes (Back works the same), without its scroll to the
  // fragment, which lays out the page being left first; the screens hear it as a hash change, at once.
  const oldURL = window.location.href;
  window.history.pushState(window.history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
