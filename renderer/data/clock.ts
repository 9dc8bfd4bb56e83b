import { asInstant, type Clock } from '../../shared/time/types';

export const systemClock: Clock = { now: () => asInstant(Date.now()) };

/**
 * A clock shifted to start at a given moment and run on from there. The browser build honours
 * `?now=<ISO instant>` so a demonstration or an end-to-end test can stand at a chosen time;
 * the desktop build never reads the URL.
 */
export function clockFromSearch(search: string, base: Clock = systemClock): Clock {
  const wanted = new URLSearchParams(search).get('now');
  const target = wanted ? Date.parse(wanted) : Number.NaN;
  if (Number.isNaN(target)) return base;
  const offset = target - base.now();
  return { now: () => asInstant(base.now() + offset) };
}
