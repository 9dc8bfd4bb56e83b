import { DATABASE_NAME, listedVersion } from './data/diskVersion';

// The entry is tiny on purpose. Opening a large log's storage takes the browser a second or more
// on its own thread; asking for it first lets that run while the main thread parses the app
// (several hundred kilobytes of script), instead of one after the other.
performance.mark('ll:main');
void listedVersion(DATABASE_NAME);
import('./boot').catch(() => {
  // The app's code could not be loaded (a damaged or partial install): say so rather than stay blank.
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent =
      'Liaison Log could not start: part of the program is missing or damaged. Reinstall it, or ask IT to. The log on this desk is not affected.';
  }
});
