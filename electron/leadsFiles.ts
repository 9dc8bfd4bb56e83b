import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFormat, SaveOutcome } from '../shared/ipc';
import { classifyDestination, type DestinationProbes, isUncPath, refusalMessage } from './destination';
import { systemProbes } from './destinationProbes';
import type { IpcHandlers } from './ipc';

/*
 * Saving a lead's files on the desktop: exports through the native Save dialog, and the report
 * printed to PDF (webContents.printToPDF, the page's print styles applied). Plain functions over
 * injected Electron pieces, so they are tested without the binary; main.ts wires them.
 */

export interface LeadsFileDeps {
  showSaveDialog: (window: BrowserWindow | null, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** The app's window (the dialog's parent, and what is printed). */
  window: () => BrowserWindow | null;
  /** Where the dialog starts: the person's Documents folder. */
  documentsDir: () => string;
  write?: (filePath: string, data: Uint8Array) => Promise<void>;
  /** Path rules of the desktop's system (win32 on Windows); tests pick one. */
  paths?: Pick<typeof path, 'join' | 'basename' | 'extname'>;
  /** Where a chosen path really lands (destination.ts); the running system's probes by default. */
  probes?: DestinationProbes;
}

const FILTERS: Record<SaveFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  'json.gz': { name: 'Liaison Log full export', extensions: ['gz'] },
};

const TITLES: Record<SaveFormat, string> = {
  xlsx: 'Save the export',
  csv: 'Save the export',
  pdf: 'Save the report as PDF',
  'json.gz': 'Save the full export',
};

/** A UNC path (\\server\share\…, //server/share/…): a network share, not this computer's disk. */
export const isNetworkPath = isUncPath;

export function leadsFileHandlers(deps: LeadsFileDeps): Pick<IpcHandlers, 'saveFile' | 'printToPdf'> {
  const paths = deps.paths ?? path;
  const probes = deps.probes ?? systemProbes();
  const write = deps.write ?? ((p: string, data: Uint8Array) => writeFile(p, data));

  async function saveThroughDialog(suggestedName: string, format: SaveFormat, data: Uint8Array): Promise<SaveOutcome> {
    const result = await deps.showSaveDialog(deps.window(), {
      title: TITLES[format],
      defaultPath: paths.join(deps.documentsDir(), paths.basename(suggestedName)),
      filters: [FILTERS[format]],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return { outcome: 'cancelled' };
    let filePath = result.filePath;
    if (!filePath.toLowerCase().endsWith(`.${format}`)) filePath += `.${format}`;
    // Main's own check of the real destination, for every file: whether a file holds member data
    // would be the renderer's word, so no file goes to a network share or a cloud-synced folder.
    const destination = await classifyDestination(filePath, probes);
    if (destination.kind !== 'local') return { outcome: 'refused', message: refusalMessage(destination) };
    await write(filePath, data);
    return { outcome: 'saved', fileName: paths.basename(filePath) };
  }

  return {
    saveFile: (req) => saveThroughDialog(req.suggestedName, req.format, req.data),
    printToPdf: async (req) => {
      const win = deps.window();
      if (!win) throw new Error('There is no window to print.');
      // Tagged and outlined, so screen readers and the PDF's bookmarks follow the report's headings.
      const pdf = await win.webContents.printToPDF({
        landscape: req.landscape,
        printBackground: true,
        pageSize: 'Letter',
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return saveThroughDialog(req.suggestedName, 'pdf', new Uint8Array(pdf));
    },
  };
}
