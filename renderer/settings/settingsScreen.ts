import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { Profile } from '../../shared/people';

/** What a settings screen gets: the stored configuration (loaded) and who is using the desk. */
export interface SettingsScreenProps {
  config: AgencyConfig;
  profile: Profile;
}
