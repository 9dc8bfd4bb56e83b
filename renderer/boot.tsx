import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bridge } from './app/bridge';
import { Startup } from './app/Startup';
import { backupBeforeUpgrade, requestPersistentStorage, startBackupSchedule } from './data/backup';
import { startBackgroundChainCheck } from './data/chainSweep';
import { ChangeFeed } from './data/changes';
import { clockFromSearch, systemClock } from './data/clock';
import { LiaisonDb } from './data/db';
import type { DataServices } from './data/hooks';
import { LogStore, sizeMemory } from './data/logStore';
import { SCHEMA_VERSION } from './data/migrations';
import { Repo } from './data/repo';
import { LockController } from './lock/lockController';

performance.mark('ll:boot');
const db = new LiaisonDb();
const changes = new ChangeFeed(db.name);
// Only the browser build may stand at another moment (?now=...); the desktop always uses the system clock.
const clock = window.liaison ? systemClock : clockFromSearch(window.location.search);
const repo = new Repo(db, clock, changes);
const services: DataServices = {
  repo,
  clock,
  logStore: new LogStore(db, changes, () => repo.config(), {}, sizeMemory(window.localStorage, `${db.name}:log-size`)),
};

// The idle lock's state lives in localStorage beside the database (no member data in it).
const lock = new LockController(`${db.name}:lock`, window.localStorage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);
// Before the database opens at this version: back it up if it is from an earlier one (Startup shows
// progress, or the failure with a way on), then open the app.
reactRoot.render(
  <StrictMode>
    <Startup
      prepare={async (onProgress, onUpgrading) => {
        const check = await backupBeforeUpgrade(db.name, { now: clock.now(), onProgress });
        // An upgrade builds its new indexes over every stored event as the log opens (minutes at a
        // million events): opened here, the person sees that it is upgrading rather than a bare "Opening".
        if (check.fromVersion !== null && check.fromVersion < SCHEMA_VERSION) {
          onUpgrading?.();
          await db.open();
        }
        return check;
      }}
      onReady={() => {
        performance.mark('ll:ready');
        services.logStore.start();
        void repo.device();
        void requestPersistentStorage();
        startBackupSchedule(
          db,
          () => clock.now(),
          (err) => console.error('Daily backup failed:', (err as Error).name),
        );
        // Each desk's hash chain, checked in the background (20 s after start): what is new, then every chain again over the day, in idle moments.
        startBackgroundChainCheck(
          db,
          () => clock.now(),
          (err) => console.error('Background chain check failed:', (err as Error).name),
        );
        reactRoot.render(
          <StrictMode>
            <App services={services} bridge={bridge} lock={lock} />
          </StrictMode>,
        );
      }}
    />
  </StrictMode>,
);
