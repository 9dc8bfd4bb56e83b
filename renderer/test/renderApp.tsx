import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { LiaisonApi, MailtoRequest } from '../../shared/ipc';
import { App } from '../app/App';
import { browserSync } from '../sync/browserSync';
import { freshDeskPerTest, PAT_LEE, type TestDesk } from './fixtures';

/** The browser bridge's API without the clipboard: what was copied (and the names of files saved) is kept for assertions. */
export function fakeBridge(): LiaisonApi & { copied: string[]; saved: string[]; mailed: MailtoRequest[] } {
  const copied: string[] = [];
  const saved: string[] = [];
  const mailed: MailtoRequest[] = [];
  return {
    copied,
    saved,
    mailed,
    openMailto: async (request) => {
      mailed.push(request);
      return { opened: true };
    },
    getAppInfo: async () => ({ name: 'Liaison Log', version: 'test', platform: 'browser', os: 'test' }),
    copyText: async ({ text }) => {
      copied.push(text);
      return { ok: true };
    },
    saveFile: async ({ suggestedName }) => {
      saved.push(suggestedName);
      return { outcome: 'saved', fileName: suggestedName };
    },
    printToPdf: async () => ({ outcome: 'printed' }),
    setOverdueCount: async () => ({ ok: true }),
    showNotification: async () => ({ shown: false }),
    ...browserSync,
  };
}

/** Renders the whole app on a test desk at a route (`#/log`, `#/new`, `#/inquiry/<id>`). */
export function renderApp(desk: TestDesk, hash = '#/log') {
  window.location.hash = hash;
  const user = userEvent.setup();
  const bridge = fakeBridge();
  const result = render(<App services={desk} bridge={bridge} />);
  return { user, bridge, ...result };
}

/** Renders the app at a route and waits for the screen's heading (level 1). */
export async function openScreen(desk: TestDesk, hash: string, heading: string) {
  const app = renderApp(desk, hash);
  await screen.findByRole('heading', { level: 1, name: heading });
  return app;
}

/**
 * Each test on a fresh desk (Ana, 2 pm) with the sample inquiry (PAT_LEE) logged, the desk's clock then at `clockAt`:
 * `desk` and `inquiry` are the current test's; `open()` renders the app on the inquiry's page, once its heading shows.
 */
export function inquiryPagePerTest(clockAt: string) {
  let desk: TestDesk | null = null;
  let inquiry: { id: string; caseNumber: string } | null = null;
  freshDeskPerTest(async (d) => {
    desk = d;
    inquiry = await d.repo.logInquiry(PAT_LEE);
    d.clock.set(clockAt);
  });
  const current = {
    get desk(): TestDesk {
      if (desk === null) throw new Error('the desk is made for each test: read it inside one');
      return desk;
    },
    get inquiry(): { id: string; caseNumber: string } {
      if (inquiry === null) throw new Error('the inquiry is logged for each test: read it inside one');
      return inquiry;
    },
    /** A test may log another inquiry and have `open()` show that one. */
    set inquiry(other: { id: string; caseNumber: string }) {
      inquiry = other;
    },
    /** The inquiry's page, once its body (painted a frame after its header: InquiryView) is there too. */
    open: async () => {
      const app = await openScreen(current.desk, `#/inquiry/${current.inquiry.id}`, `Inquiry ${current.inquiry.caseNumber}`);
      await waitFor(() => expect(document.querySelector('.inquiry-body')).not.toBeNull());
      return app;
    },
  };
  return current;
}

/** The element with this id, or a failure that names the id. */
export function byId<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as T;
}

/** The message shown under the control with this id, if any. */
export const errorText = (id: string) => document.getElementById(`${id}-error`)?.textContent;

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(user: UserEvent, target: Element, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target) return;
    await user.tab();
  }
  expect(document.activeElement, `Tab never reached ${target.id || target.tagName}`).toBe(target);
}

/**
 * jsdom does no layout, so every element's clientHeight is 0 and the log's row window
 * (renderer/log/useRowWindow.ts, sized from the scroll element's clientHeight) renders no rows at all.
 * Give the log's scroll container a desk-sized viewport (1200 × 600 px, 15 rows of 40 px plus
 * overscan); every other element keeps jsdom's 0. Returns the function that removes the stub.
 */
export function stubLogViewport(width = 1200, height = 600): () => void {
  const proto = HTMLElement.prototype;
  const size = (el: HTMLElement, value: number) => (el.classList.contains('table-scroll') ? value : 0);
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, height);
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, width);
    },
  });
  return () => {
    // The stubs shadow jsdom's getters on Element.prototype; deleting them restores those.
    Reflect.deleteProperty(proto, 'clientHeight');
    Reflect.deleteProperty(proto, 'clientWidth');
  };
}
