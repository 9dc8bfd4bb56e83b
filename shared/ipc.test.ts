import { describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, IPC_METHODS, ipcContract, isContractChannel } from './ipc';

const channels = IPC_METHODS.map((m) => ipcContract[m].channel);

describe('IPC contract', () => {
  it('names the channels of the app-info and clipboard entries', () => {
    expect(ipcContract.getAppInfo.channel).toBe('liaison:app:get-info');
    expect(ipcContract.copyText.channel).toBe('liaison:clipboard:write-text');
  });

  it('prefixes every channel with liaison:', () => {
    expect(CHANNEL_PREFIX).toBe('liaison:');
    for (const c of channels) expect(c.startsWith('liaison:')).toBe(true);
  });

  it('gives every entry its own channel', () => {
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('recognises exactly the contract channels', () => {
    for (const c of channels) expect(isContractChannel(c)).toBe(true);
    for (const c of ['liaison:app:unknown', 'app:get-info', 'LIAISON:app:get-info', 'liaison:app:get-info ', 'liaison:', '']) {
      expect(isContractChannel(c)).toBe(false);
    }
  });

  it('validates copyText requests strictly', () => {
    const req = ipcContract.copyText.request;
    expect(req.safeParse({ text: 'Case 261123-K7QM2-004 needs a callback.' }).success).toBe(true);
    expect(req.safeParse({ text: 'x'.repeat(20_000) }).success).toBe(true);
    expect(req.safeParse({ text: 'x'.repeat(20_001) }).success).toBe(false);
    expect(req.safeParse({ text: 'x', html: '<b>x</b>' }).success).toBe(false);
    expect(req.safeParse(undefined).success).toBe(false);
  });

  it('takes no request for getAppInfo and checks its response', () => {
    expect(ipcContract.getAppInfo.request.safeParse(undefined).success).toBe(true);
    expect(ipcContract.getAppInfo.request.safeParse({}).success).toBe(false);
    const info = { name: 'Liaison Log', version: '0.1.0', platform: 'desktop', os: 'win32' };
    expect(ipcContract.getAppInfo.response.safeParse(info).success).toBe(true);
    expect(ipcContract.getAppInfo.response.safeParse({ ...info, platform: 'mobile' }).success).toBe(false);
  });
});
