import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, ipcContract, type LiaisonApi } from '../shared/ipc';

// vi.mock is hoisted above imports, so the fakes it returns are created with vi.hoisted.
const { contextBridge, ipcRenderer } = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (): Promise<unknown> => ({ ok: true })),
    send: vi.fn(),
    on: vi.fn(),
  },
}));
vi.mock('electron', () => ({ contextBridge, ipcRenderer }));

let exposedName: unknown;
let api: LiaisonApi;

beforeAll(async () => {
  await import('./preload');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, value] = contextBridge.exposeInMainWorld.mock.calls[0] as [unknown, LiaisonApi];
  exposedName = name;
  api = value;
});

describe('the preload bridge', () => {
  it('exposes one object as window.liaison', () => {
    expect(exposedName).toBe('liaison');
  });

  it('exposes exactly the contract method names, each a function', () => {
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS].sort());
    expect(Object.keys(api).sort()).toEqual(['copyText', 'getAppInfo']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const values: unknown[] = Object.values(api);
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
    expect(values).not.toContain(ipcRenderer.send);
    expect(values).not.toContain(ipcRenderer.on);
  });

  it('calls each method on its contract channel with the request and nothing else', async () => {
    ipcRenderer.invoke.mockClear();
    await api.copyText({ text: 'Case 2024-0117' });
    await api.getAppInfo();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [ipcContract.copyText.channel, { text: 'Case 2024-0117' }],
      [ipcContract.getAppInfo.channel, undefined],
    ]);
  });

  it('returns what main answered', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true });
    await expect(api.copyText({ text: 'x' })).resolves.toEqual({ ok: true });
  });
});
