import type { Instant } from '../time/types';

/**
 * A hybrid logical clock (Kulkarni et al.): wall milliseconds, a counter for events in the
 * same millisecond, and the device id as the final tie-break, so every event on every desk
 * has a distinct, totally ordered stamp that never runs backwards on one desk.
 */
export interface Hlc {
  wall: number;
  counter: number;
  deviceId: string;
}

/** An encoded HLC; plain string comparison gives the HLC order. */
export type HlcStamp = string & { readonly __brand: 'HlcStamp' };

const WALL_WIDTH = 9; // base-36 epoch ms: good until the year 5188
const COUNTER_WIDTH = 4; // 1.6 million events in one millisecond
export const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export function encodeHlc(h: Hlc): HlcStamp {
  return `${h.wall.toString(36).padStart(WALL_WIDTH, '0')}-${h.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${h.deviceId}` as HlcStamp;
}

export function decodeHlc(stamp: string): Hlc | null {
  const m = /^([0-9a-z]{9})-([0-9a-z]{4})-([0-9A-Za-z]{1,64})$/.exec(stamp);
  if (!m) return null;
  return { wall: Number.parseInt(m[1] as string, 36), counter: Number.parseInt(m[2] as string, 36), deviceId: m[3] as string };
}

/** The stamp for a local event at `now`, given the last stamp this desk issued or saw. */
export function tickHlc(last: Hlc, now: Instant): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, deviceId: last.deviceId };
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, deviceId: last.deviceId };
  return { wall: last.wall, counter: last.counter + 1, deviceId: last.deviceId };
}

/** Advances the local clock past a stamp received from another desk. */
export function receiveHlc(local: Hlc, remote: Hlc, now: Instant): Hlc {
  const wall = Math.max(local.wall, remote.wall, now);
  let counter = 0;
  if (wall === local.wall && wall === remote.wall) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wall) counter = local.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, deviceId: local.deviceId };
  return { wall, counter, deviceId: local.deviceId };
}

export const compareStamps = (a: HlcStamp, b: HlcStamp): number => (a < b ? -1 : a > b ? 1 : 0);

/** The later of two stamps. */
export const laterStamp = (a: HlcStamp, b: HlcStamp): HlcStamp => (a < b ? b : a);
