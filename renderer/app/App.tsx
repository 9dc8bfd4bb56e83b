import type { LiaisonApi } from '../../shared/ipc';
import { DataContext, type DataServices, useActiveProfile } from '../data/hooks';
import { LockGate } from '../lock/LockGate';
import { LockContext } from '../lock/lockContext';
import type { LockController } from '../lock/lockController';
import { ProfileSetup } from '../profile/ProfileSetup';
import { BridgeContext } from './bridgeContext';
import { Shell } from './Shell';

/** `lock`: the idle lock (renderer/lock); main.tsx always passes one, tests of other screens may leave it out. */
export function App({ services, bridge, lock = null }: { services: DataServices; bridge: LiaisonApi; lock?: LockController | null }) {
  return (
    <DataContext.Provider value={services}>
      <BridgeContext.Provider value={bridge}>
        <LockContext.Provider value={lock}>
          <Gate />
        </LockContext.Provider>
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
  return (
    <LockGate profile={profile}>
      {/* One Shell per person: their first view, queues and saved views start afresh when someone else unlocks. */}
      <Shell key={profile.id} profile={profile} />
    </LockGate>
  );
}
