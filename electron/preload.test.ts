import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_NAMES, IPC_METHODS, ipcContract, ipcEvents, type LiaisonApi, type LiaisonEvents } from '../shared/ipc';

type RendererListener = (event: unknown, payload: unknown) => void;

// vi.mock is hoisted above imports, so the fakes it returns are created with vi.hoisted.
const { contextBridge, ipcRenderer, listeners } = vi.hoisted(() => {
  const listeners = new Map<string, RendererListener[]>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (): Promise<unknown> => ({ ok: true })),
      send: vi.fn(),
      on: vi.fn((channel: string, listener: RendererListener) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      }),
      removeListener: vi.fn((channel: string, listener: RendererListener) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      }),
    },
  };
});
vi.mock('electron', () => ({ contextBridge, ipcRenderer }));

/** Main sending on a channel: each listener gets an event object whose sender is ipcRenderer. */
function mainSends(channel: string, payload: unknown): void {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, senderId: 0 }, payload);
}

let exposedName: unknown;
let api: LiaisonApi & LiaisonEvents;

beforeAll(async () => {
  await import('./preload');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, value] = contextBridge.exposeInMainWorld.mock.calls[0] as [unknown, LiaisonApi & LiaisonEvents];
  exposedName = name;
  api = value;
});

describe('the preload bridge', () => {
  it('exposes one object as window.liaison', () => {
    expect(exposedName).toBe('liaison');
  });

  it('exposes exactly the contract methods and event subscriptions, each a function', () => {
    const subscriptions = IPC_EVENT_NAMES.map((e) => `on${e[0]?.toUpperCase()}${e.slice(1)}`);
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS, ...subscriptions].sort());
    expect(subscriptions.sort()).toEqual(['onMenuCommand', 'onOpenInquiry']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const values: unknown[] = Object.values(api);
    for (const forbidden of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.on, ipcRenderer.removeListener]) {
      expect(values).not.toContain(forbidden);
    }
  });

  it('calls each method on its contract channel with the request and nothing else', async () => {
    ipcRenderer.invoke.mockClear();
    await api.copyText({ text: 'Case 2024-0117' });
    await api.getAppInfo();
    await api.setOverdueCount({ count: 3 });
    const notification = {
      inquiryId: '01JDKX4Q7ZP3M8W2R5T9V6Y0BC',
      caseNumber: '261123-K7QM2-004',
      due: 'callback',
      state: 'overdue',
    } as const;
    await api.showNotification(notification);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [ipcContract.copyText.channel, { text: 'Case 2024-0117' }],
      [ipcContract.getAppInfo.channel, undefined],
      [ipcContract.setOverdueCount.channel, { count: 3 }],
      [ipcContract.showNotification.channel, notification],
    ]);
  });

  it('returns what main answered', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true });
    await expect(api.copyText({ text: 'x' })).resolves.toEqual({ ok: true });
  });
});

describe('event subscriptions', () => {
  it('hands the listener the payload only, never the event or ipcRenderer', () => {
    const received: unknown[][] = [];
    const stop = api.onMenuCommand((...args: unknown[]) => received.push(args));
    mainSends(ipcEvents.menuCommand.channel, { command: 'find' });
    expect(received).toEqual([[{ command: 'find' }]]);
    stop();
  });

  it('listens on the contract channel of each event only', () => {
    const commands = vi.fn();
    const opens = vi.fn();
    const stopCommands = api.onMenuCommand(commands);
    const stopOpens = api.onOpenInquiry(opens);
    mainSends(ipcEvents.openInquiry.channel, { inquiryId: '01JDKX4Q7ZP3M8W2R5T9V6Y0BC' });
    expect(opens).toHaveBeenCalledExactlyOnceWith({ inquiryId: '01JDKX4Q7ZP3M8W2R5T9V6Y0BC' });
    expect(commands).not.toHaveBeenCalled();
    stopCommands();
    stopOpens();
  });

  it('stops calling a listener once unsubscribed, leaving others subscribed', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.onMenuCommand(first);
    const stopSecond = api.onMenuCommand(second);
    stopFirst();
    mainSends(ipcEvents.menuCommand.channel, { command: 'next-due' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    stopSecond();
    expect(listeners.get(ipcEvents.menuCommand.channel)).toEqual([]);
  });

  it('refuses something that is not a function as a listener', () => {
    expect(() => api.onMenuCommand('alert(1)' as unknown as () => void)).toThrow('menuCommand needs a listener function.');
  });
});
