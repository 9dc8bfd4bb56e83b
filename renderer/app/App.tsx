import type { LiaisonApi } from '../../shared/ipc';
import { DataContext, type DataServices, useActiveProfile } from '../data/hooks';
import { ProfileSetup } from '../profile/ProfileSetup';
import { BridgeContext } from './bridgeContext';
import { Shell } from './Shell';

export function App({ services, bridge }: { services: DataServices; bridge: LiaisonApi }) {
  return (
    <DataContext.Provider value={services}>
      <BridgeContext.Provider value={bridge}>
        <Gate />
      </BridgeContext.Provider>
    </DataContext.Provider>
  );
}

function Gate() {
  const profile = useActiveProfile();
  if (profile === undefined)
    return (
      <main id="main" className="loading" aria-busy="true">
        Opening the log…
      </main>
    );
  if (profile === null) return <ProfileSetup />;
  return <Shell profile={profile} />;
}
