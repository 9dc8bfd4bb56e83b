import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no CSS.escape, which user-event needs to move through a radio group with the arrow
// keys. Escaping every character outside [A-Za-z0-9_-] (and a leading digit) is enough for the
// ids and names our forms use.
if (typeof globalThis.CSS?.escape !== 'function') {
  const cssEscape = (value: string) => value.replace(/[^A-Za-z0-9_\-\u00a0-\uffff]/g, (c) => `\\${c}`).replace(/^\d/, (d) => `\\3${d} `);
  Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { ...globalThis.CSS, escape: cssEscape } });
}

// findBy…/waitFor wait up to 10 s (not 1 s): IndexedDB and React settle slowly on a loaded 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
