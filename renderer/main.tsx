import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bridge } from './app/bridge';
import { ChangeFeed } from './data/changes';
import { clockFromSearch, systemClock } from './data/clock';
import { LiaisonDb } from './data/db';
import type { DataServices } from './data/hooks';
import { LogStore } from './data/logStore';
import { Repo } from './data/repo';

const db = new LiaisonDb();
const changes = new ChangeFeed(db.name);
// Only the browser build may stand at another moment (?now=...); the desktop always uses the system clock.
const clock = window.liaison ? systemClock : clockFromSearch(window.location.search);
const repo = new Repo(db, clock, changes);
const services: DataServices = { repo, clock, logStore: new LogStore(db, changes, () => repo.config()) };

void repo.device();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App services={services} bridge={bridge} />
  </StrictMode>,
);
