import { DATABASE_NAME, listedVersion } from './data/diskVersion';

// The entry is tiny on purpose. Opening a large log's storage takes the browser a second or more
// on its own thread; asking for it first lets that run while the main thread parses the app
// (several hundred kilobytes of script), instead of one after the other.
performance.mark('ll:main');
void listedVersion(DATABASE_NAME);
void import('./boot');
