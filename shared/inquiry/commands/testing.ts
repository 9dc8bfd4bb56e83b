import { DEFAULT_AGENCY_CONFIG } from '../../config/agencyConfig';
import { createCalendar } from '../../time/calendar';
import { timeRulesOf } from '../../time/timeRules';
import type { CommandContext } from './context';

/** For tests: the default agency policy over the default calendar (Mon–Fri 08:00–16:30 America/Chicago, US-IA holidays). */
export const TEST_POLICY: Pick<CommandContext, 'config' | 'time'> = {
  config: DEFAULT_AGENCY_CONFIG,
  time: timeRulesOf(createCalendar()),
};
