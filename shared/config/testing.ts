import type { PriorityLevel } from './agencyConfig';

/*
 * For the configuration tests (not used by the app).
 */

/** A level an agency might add: on the High path, first contact within 12 clock hours, at the latest 24. */
export const DIRE_NEED = {
  id: 'dire-need',
  label: 'Dire need',
  path: 'high',
  firstContactTarget: { amount: 12, unit: 'clockHours' },
  firstContactDeadline: { amount: 24, unit: 'clockHours' },
} as const satisfies PriorityLevel;
