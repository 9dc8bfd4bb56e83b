import path from 'node:path';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../shared/ipc';
import type { DestinationProbes } from './destination';
import { isNetworkPath, leadsFileHandlers } from './leadsFiles';

const DATA = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

/** A Windows desk with C: and D: local and S: mapped to a network share; a Linux desk with /mnt/share over CIFS. */
const FAKE_PROBES = (platform: NodeJS.Platform): DestinationProbes => ({
  platform,
  realpath: async (p) => p,
  driveType: async (letter) => (letter === 'S' ? 'network' : letter === 'C' || letter === 'D' ? 'fixed' : 'unknown'),
  mounts: async () => [
    { mountPoint: '/', fsType: 'ext4' },
    { mountPoint: '/mnt/share', fsType: 'cifs' },
  ],
  systemDrive: 'C:',
});

function setUp(chosen: string | null, platformPath: typeof path.win32 | typeof path.posix = path.win32) {
  const written: { filePath: string; data: Uint8Array }[] = [];
  const dialogs: SaveDialogOptions[] = [];
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 report'));
  const win = { webContents: { printToPDF } } as unknown as BrowserWindow;
  const handlers = leadsFileHandlers({
    showSaveDialog: async (parent, options) => {
      expect(parent).toBe(win);
      dialogs.push(options);
      return chosen === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: chosen };
    },
    window: () => win,
    documentsDir: () => 'C:\\Users\\lee\\Documents',
    write: async (filePath, data) => {
      written.push({ filePath, data });
    },
    paths: platformPath,
    probes: FAKE_PROBES(platformPath === path.win32 ? 'win32' : 'linux'),
  });
  return { handlers, written, dialogs, printToPDF };
}

const request = (over: Partial<Parameters<ReturnType<typeof leadsFileHandlers>['saveFile']>[0]> = {}) => ({
  suggestedName: 'liaison-log_all-open_2026-11-23-1430.xlsx',
  format: 'xlsx' as const,
  data: DATA,
  containsMemberData: false,
  ...over,
});

describe('saveFile: an export through the native Save dialog', () => {
  it('opens in Documents with the suggested name and writes where the person chose', async () => {
    const { handlers, written, dialogs } = setUp('D:\\Reports\\open inquiries.xlsx');
    await expect(handlers.saveFile(request())).resolves.toEqual({ outcome: 'saved', fileName: 'open inquiries.xlsx' });
    expect(dialogs[0]).toMatchObject({
      title: 'Save the export',
      defaultPath: 'C:\\Users\\lee\\Documents\\liaison-log_all-open_2026-11-23-1430.xlsx',
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    expect(written).toEqual([{ filePath: 'D:\\Reports\\open inquiries.xlsx', data: DATA }]);
  });

  it('adds the extension when the person typed a name without it', async () => {
    const { handlers, written } = setUp('D:\\Reports\\march');
    await expect(handlers.saveFile(request({ format: 'csv', suggestedName: 'x.csv' }))).resolves.toEqual({
      outcome: 'saved',
      fileName: 'march.csv',
    });
    expect(written[0]?.filePath).toBe('D:\\Reports\\march.csv');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { handlers, written } = setUp(null);
    await expect(handlers.saveFile(request())).resolves.toEqual({ outcome: 'cancelled' });
    expect(written).toEqual([]);
  });

  it('refuses every file on a network share, a mapped drive or a cloud-synced folder, whatever the renderer says, and says where to save instead', async () => {
    for (const chosen of [
      '\\\\dhsime\\IMEUNIVERSAL\\exports\\log.xlsx',
      'S:\\Unit\\log.xlsx',
      'C:\\Users\\lee\\OneDrive - State of Iowa\\Documents\\log.xlsx',
    ]) {
      const { handlers, written } = setUp(chosen);
      for (const containsMemberData of [true, false]) {
        const outcome = await handlers.saveFile(request({ containsMemberData }));
        expect(outcome.outcome).toBe('refused');
        expect(outcome.outcome === 'refused' ? outcome.message : '').toMatch(/saved only on this computer.*Save it on this computer/);
      }
      expect(written).toEqual([]);
    }
    const { handlers, written } = setUp('S:\\Unit\\report.pdf');
    expect((await handlers.printToPdf({ suggestedName: 'lead-report_2026-11.pdf', landscape: false })).outcome).toBe('refused');
    expect(written).toEqual([]);
    const linux = setUp('/mnt/share/unit/log.xlsx', path.posix);
    expect((await linux.handlers.saveFile(request())).outcome).toBe('refused');
  });

  it('saves the full export (.json.gz) on this computer', async () => {
    const { handlers, written, dialogs } = setUp('D:\\Exports\\desk');
    const data = new Uint8Array([0x1f, 0x8b, 8, 0]);
    await expect(
      handlers.saveFile({
        suggestedName: 'liaison-log-full-export-A1B2C-2026-11-23.json.gz',
        format: 'json.gz',
        data,
        containsMemberData: true,
      }),
    ).resolves.toEqual({ outcome: 'saved', fileName: 'desk.json.gz' });
    expect(dialogs[0]?.title).toBe('Save the full export');
    expect(written[0]?.filePath).toBe('D:\\Exports\\desk.json.gz');
  });

  it('knows network paths', () => {
    expect(['\\\\server\\share\\a.xlsx', '//server/share/a.xlsx'].map(isNetworkPath)).toEqual([true, true]);
    expect(['C:\\Users\\a.xlsx', '/home/lee/a.xlsx', '\\\\'].map(isNetworkPath)).toEqual([false, false, false]);
  });
});

describe('printToPdf: the report as a tagged PDF', () => {
  it('prints the window with its print styles and saves the PDF through the dialog', async () => {
    const { handlers, written, dialogs, printToPDF } = setUp('/home/lee/report.pdf', path.posix);
    await expect(handlers.printToPdf({ suggestedName: 'lead-report_2026-11.pdf', landscape: false })).resolves.toEqual({
      outcome: 'saved',
      fileName: 'report.pdf',
    });
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith({
      landscape: false,
      printBackground: true,
      pageSize: 'Letter',
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(dialogs[0]?.title).toBe('Save the report as PDF');
    expect(new TextDecoder().decode(written[0]?.data)).toBe('%PDF-1.7 report');
  });
});

describe('the contract for these channels', () => {
  it('accepts only plain file names with the right extension, and bytes', () => {
    const schema = ipcContract.saveFile.request;
    expect(schema.safeParse(request()).success).toBe(true);
    expect(schema.safeParse(request({ suggestedName: '..\\..\\Windows\\evil.xlsx' })).success).toBe(false);
    expect(schema.safeParse(request({ suggestedName: 'report.exe' })).success).toBe(false);
    expect(schema.safeParse({ ...request(), data: 'not bytes' }).success).toBe(false);
    expect(schema.safeParse({ ...request(), path: 'C:\\x' }).success).toBe(false);
  });
});
