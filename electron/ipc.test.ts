import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, IPC_METHODS, ipcContract } from '../shared/ipc';
import { FakeIpcMain, fakeInvokeEvent } from './fakeElectron';
import { type IpcHandlers, isAppSender, registerIpcHandlers } from './ipc';
import { createLogger, fileSink, type Logger } from './log';
import { createSyncHandlers } from './sync/syncMain';

/** The sync handlers over a user-data folder that is never created (no test here reaches them). */
const syncHandlersFor = () =>
  createSyncHandlers({
    userDataDir: () => path.join(tmpdir(), 'liaison-ipc-test-unused'),
    pickFolder: async () => null,
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  });

const APP_PAGE = 'app://liaison/index.html';
const COPY = ipcContract.copyText.channel;
const INFO = ipcContract.getAppInfo.channel;

// Refusals are logged; these tests look at what is thrown, so the log goes nowhere.
const silent = createLogger(() => {});
let ipcMain: FakeIpcMain;
let handlers: IpcHandlers;

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  handlers = {
    getAppInfo: vi.fn(async () => ({ name: 'Liaison Log', version: '0.1.0', platform: 'desktop' as const, os: 'win32' })),
    copyText: vi.fn(async () => ({ ok: true as const })),
    openMailto: vi.fn(async () => ({ opened: true })),
    setOverdueCount: vi.fn(async () => ({ ok: true as const })),
    showNotification: vi.fn(async () => ({ shown: true })),
    saveFile: vi.fn(async () => ({ outcome: 'cancelled' as const })),
    printToPdf: vi.fn(async () => ({ outcome: 'cancelled' as const })),
    ...syncHandlersFor(),
  };
  registerIpcHandlers(ipcMain, handlers, isAppSender, silent);
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, all prefixed liaison:', () => {
    const channels = [...ipcMain.handlers.keys()].sort();
    expect(channels).toEqual(IPC_METHODS.map((m) => ipcContract[m].channel).sort());
    expect(channels).toEqual(
      expect.arrayContaining([
        'liaison:app:get-info',
        'liaison:clipboard:write-text',
        'liaison:desktop:set-overdue-count',
        'liaison:desktop:show-notification',
      ]),
    );
    for (const channel of channels) expect(channel.startsWith(CHANNEL_PREFIX)).toBe(true);
  });

  it('registers nothing for a handler the contract does not name', () => {
    const fresh = new FakeIpcMain();
    const withExtra = { ...handlers, deleteEverything: async () => ({ ok: true }) };
    registerIpcHandlers(fresh, withExtra, isAppSender, silent);
    expect([...fresh.handlers.keys()].some((c) => c.includes('delete'))).toBe(false);
    expect(fresh.handlers.size).toBe(IPC_METHODS.length);
  });

  it('passes a valid request from the app page to the handler and returns its answer', async () => {
    await expect(ipcMain.invoke(COPY, APP_PAGE, { text: 'Case 2024-0117: called member back' })).resolves.toEqual({ ok: true });
    expect(handlers.copyText).toHaveBeenCalledExactlyOnceWith({ text: 'Case 2024-0117: called member back' });
  });

  it('accepts a method without a request', async () => {
    await expect(ipcMain.invoke(INFO, APP_PAGE, undefined)).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      platform: 'desktop',
      os: 'win32',
    });
  });

  it('rejects a wrongly typed payload with invalid_payload, naming the field, without calling the handler', async () => {
    await expect(ipcMain.invoke(COPY, APP_PAGE, { text: 42 })).rejects.toThrow(
      'invalid_payload: copyText request field "text" must be string.',
    );
    expect(handlers.copyText).not.toHaveBeenCalled();
  });

  it('rejects a missing payload and one over the size limit', async () => {
    await expect(ipcMain.invoke(COPY, APP_PAGE)).rejects.toThrow('invalid_payload: copyText request (whole request) must be object.');
    await expect(ipcMain.invoke(COPY, APP_PAGE, { text: 'x'.repeat(20_001) })).rejects.toThrow(
      'invalid_payload: copyText request field "text" is too large (maximum 20000).',
    );
  });

  it('never echoes payload values or unknown field names, which may be member data', async () => {
    const error: unknown = await ipcMain
      .invoke(COPY, APP_PAGE, { text: 'ok', 'Maria Lopez DOB 1961-04-02': 'Medicaid ID 123456789' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toBe('invalid_payload: copyText request (whole request) has 1 unexpected field(s).');
    expect(message).not.toMatch(/Maria|123456789|1961/);

    const infoError: unknown = await ipcMain.invoke(INFO, APP_PAGE, { name: 'Maria Lopez' }).catch((e: unknown) => e);
    expect((infoError as Error).message).toBe('invalid_payload: getAppInfo request (whole request) must be undefined.');
  });

  it('rejects extra arguments', async () => {
    await expect(ipcMain.invoke(COPY, APP_PAGE, { text: 'a' }, { text: 'b' })).rejects.toThrow(
      'invalid_payload: copyText takes one request argument, got 2.',
    );
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///C:/Users/esr/Downloads/phish.html'],
    ['a look-alike host', 'app://liaison.evil.example/index.html'],
    ['a destroyed frame', null],
  ])('rejects a call from %s with untrusted_sender, before parsing', async (_case, senderUrl) => {
    await expect(ipcMain.invoke(COPY, senderUrl, { text: 'hello' })).rejects.toThrow(
      'untrusted_sender: copyText was called from a page that is not part of Liaison Log.',
    );
    expect(handlers.copyText).not.toHaveBeenCalled();
  });

  it('uses the sender check it is given', async () => {
    const fresh = new FakeIpcMain();
    const refuseAll = vi.fn(() => false);
    registerIpcHandlers(fresh, handlers, refuseAll, silent);
    await expect(fresh.invoke(INFO, APP_PAGE)).rejects.toThrow(/^untrusted_sender:/);
    expect(refuseAll).toHaveBeenCalledOnce();
  });

  it('rejects a handler answer that breaks the response schema with invalid_response', async () => {
    const fresh = new FakeIpcMain();
    const broken = { ...handlers, copyText: async () => ({ ok: false }) } as unknown as IpcHandlers;
    registerIpcHandlers(fresh, broken, isAppSender, silent);
    await expect(fresh.invoke(COPY, APP_PAGE, { text: 'a' })).rejects.toThrow(
      'invalid_response: copyText answered with field "ok" is not one of the allowed values.',
    );
  });

  it('strips fields the response schema does not name, so main cannot leak them', async () => {
    const fresh = new FakeIpcMain();
    const leaky = {
      ...handlers,
      getAppInfo: async () => ({ name: 'Liaison Log', version: '0.1.0', platform: 'desktop', os: 'linux', homeDir: '/home/esr' }),
    } as unknown as IpcHandlers;
    registerIpcHandlers(fresh, leaky, isAppSender, silent);
    await expect(fresh.invoke(INFO, APP_PAGE)).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      platform: 'desktop',
      os: 'linux',
    });
  });
});

describe('isAppSender', () => {
  it('trusts only frames showing app://liaison', () => {
    expect(isAppSender(fakeInvokeEvent('app://liaison/index.html#/log'))).toBe(true);
    expect(isAppSender(fakeInvokeEvent('https://liaison/'))).toBe(false);
    expect(isAppSender(fakeInvokeEvent(null))).toBe(false);
  });
});

describe('IPC failures are logged without member data', () => {
  const member = { memberName: 'Maria Lopez', medicaidId: '1234567A', memberDob: '04/02/1961', memberPhone: '(512) 555-0147' };
  const memberText = `Call back Maria Lopez, Medicaid ID 1234567A, DOB 04/02/1961, at (512) 555-0147`;
  const forbidden = ['Maria', 'Lopez', '1234567A', '1961', '555-0147'];
  let dir: string;
  let logFile: string;
  let logger: Logger;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-ipc-log-'));
    logFile = path.join(dir, 'logs', 'main.log');
    logger = createLogger(fileSink(logFile));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Registers `handlers` logging to the temp file, and invokes copyText with `args` from `sender`. */
  async function failingCall(overrides: Partial<IpcHandlers>, sender: string | null, ...args: unknown[]): Promise<Error> {
    const fresh = new FakeIpcMain();
    registerIpcHandlers(fresh, { ...handlers, ...overrides }, isAppSender, logger);
    const error: unknown = await fresh.invoke(COPY, sender, ...args).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }

  async function expectCleanLog(expectedLine: RegExp): Promise<string> {
    const text = await readFile(logFile, 'utf8');
    expect(text).toMatch(expectedLine);
    for (const value of forbidden) expect(text).not.toContain(value);
    return text;
  }

  it('a payload of the wrong shape: logged by method and rule only', async () => {
    const error = await failingCall({}, APP_PAGE, { text: 'ok', ...member });
    expect(error.message).toMatch(/^invalid_payload: copyText request \(whole request\) has 4 unexpected field\(s\)\.$/);
    await expectCleanLog(
      /\[warn\] IPC copyText refused: invalid_payload: copyText request \(whole request\) has 4 unexpected field\(s\)\./,
    );
  });

  it('a wrongly typed member field and extra arguments', async () => {
    await failingCall({}, APP_PAGE, { text: { ...member } });
    await failingCall({}, APP_PAGE, { text: memberText }, member);
    const text = await expectCleanLog(/IPC copyText refused/);
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('a handler that throws an error echoing the payload: logged and re-thrown scrubbed', async () => {
    const echo = vi.fn(async ({ text }: { text: string }): Promise<{ ok: true }> => {
      throw Object.assign(new Error(`clipboard refused "${text}"`), { code: 'EBUSY' });
    });
    const error = await failingCall({ copyText: echo }, APP_PAGE, { text: memberText });
    expect(echo).toHaveBeenCalledOnce();
    // What Electron prints for a failing handler, and what the renderer sees, is scrubbed too.
    expect(error.message).toBe('clipboard refused "[redacted]"');
    expect(error.stack).toBe('Error: clipboard refused "[redacted]"');
    const text = await expectCleanLog(/\[error\] IPC copyText failed .*"code":"EBUSY"/);
    expect(text).toContain('clipboard refused');
  });

  it('a handler that throws a non-Error value', async () => {
    const error = await failingCall(
      {
        copyText: async ({ text }) => {
          throw `no clipboard for ${text}`;
        },
      },
      APP_PAGE,
      { text: 'Maria Lopez' },
    );
    expect(error.message).toBe('no clipboard for [redacted]');
    await expectCleanLog(/IPC copyText failed/);
  });

  it('a handler answer that breaks the schema, carrying member data', async () => {
    const leaky = (async () => ({ ok: member.memberName })) as unknown as IpcHandlers['copyText'];
    const error = await failingCall({ copyText: leaky }, APP_PAGE, { text: memberText });
    expect(error.message).toBe('invalid_response: copyText answered with field "ok" is not one of the allowed values.');
    await expectCleanLog(/IPC copyText refused: invalid_response: /);
  });

  it('a call from an untrusted page carrying member data', async () => {
    await failingCall({}, 'https://evil.example/', { text: memberText });
    await expectCleanLog(/IPC copyText refused: untrusted_sender: /);
  });
});
