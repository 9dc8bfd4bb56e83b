import { useSyncExternalStore } from 'react';

/** Screens, addressed by the URL hash so the browser's Back works and e2e tests can deep-link. */
export type Route = { name: 'log' } | { name: 'new' } | { name: 'inquiry'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { name: 'new' };
  const m = /^\/inquiry\/([0-9A-Za-z]{10,40})$/.exec(path);
  if (m) return { name: 'inquiry', id: m[1] as string };
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
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
