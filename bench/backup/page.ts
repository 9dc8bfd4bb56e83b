/**
 * The backup benchmark's page (never part of the app's build): seeds a desk's database with the
 * bench data set, then times each data-safety operation at that size while watching the main
 * thread: the longest task (PerformanceObserver 'longtask') and the longest gap between timer ticks
 * say whether the window would have frozen. Driven by bench/backup/run.ts via `window.benchBackup`.
 */
import {
  backupNow,
  backupSource,
  dropBackups,
  exportDatabaseFile,
  fileSource,
  inspectExport,
  restoreDatabase,
} from '../../renderer/data/backup';
import { LiaisonDb } from '../../renderer/data/db';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { fetchJson, measure, type OpFigure } from '../measure';

const db = new LiaisonDb('liaison-log-bench');

const api = {
  async seed(manifest: { eventChunks: string[]; inquiryChunks: string[]; profile: Profile; meta: { key: string; value: unknown }[] }) {
    await db.delete();
    await dropBackups(db.name);
    await db.open();
    for (const url of manifest.eventChunks) await db.events.bulkAdd(await fetchJson<InquiryEvent[]>(url));
    for (const url of manifest.inquiryChunks) await db.inquiries.bulkAdd(await fetchJson<InquiryRecord[]>(url));
    await db.profiles.put(manifest.profile);
    await db.meta.bulkPut(manifest.meta);
    await db.outbox.bulkAdd((await db.events.limit(5000).toArray()).map((e) => ({ eventId: e.id, hlc: e.hlc })));
    return { events: await db.events.count(), inquiries: await db.inquiries.count() };
  },

  async run(): Promise<OpFigure[]> {
    const figures: OpFigure[] = [];
    let backupId = '';
    figures.push(
      await measure('Backup (read, compress, store)', async (onProgress) => {
        const b = await backupNow(db, 'manual', { onProgress });
        backupId = b.id;
        return `${b.inquiries.toLocaleString('en-US')} inquiries, ${b.events.toLocaleString('en-US')} events, ${(b.bytes / 1048576).toFixed(1)} MB compressed`;
      }),
    );
    figures.push(
      await measure('Restore preview (decompress and check every row)', async (onProgress) => {
        const s = await inspectExport(backupSource(db.name, backupId), onProgress);
        return `${s.events.toLocaleString('en-US')} events checked`;
      }),
    );
    let file: Blob | null = null;
    figures.push(
      await measure('Full export to a file', async (onProgress) => {
        file = await exportDatabaseFile(db, Date.now(), onProgress);
        return `${(file.size / 1048576).toFixed(1)} MB`;
      }),
    );
    figures.push(
      await measure('Restore from the backup (check, safety backup, replace in one transaction, re-fold)', async (onProgress) => {
        const r = await restoreDatabase(db, backupSource(db.name, backupId), { reason: 'before-restore', onProgress });
        return `${r.inquiries.toLocaleString('en-US')} inquiries rebuilt from ${r.events.toLocaleString('en-US')} events`;
      }),
    );
    figures.push(
      await measure('Import the full export file', async (onProgress) => {
        const r = await restoreDatabase(db, fileSource(file as unknown as Blob), { reason: 'before-import', onProgress });
        return `${r.inquiries.toLocaleString('en-US')} inquiries, ${r.events.toLocaleString('en-US')} events`;
      }),
    );
    return figures;
  },
};

declare global {
  interface Window {
    benchBackup: typeof api;
  }
}
window.benchBackup = api;
document.body.dataset.ready = 'true';
