import type { Table } from 'dexie';

/**
 * Forms in progress, kept in the desk's database (member data gets the same protection as the log)
 * so a crash, an idle lock or an accidental close loses nothing typed. One draft per form and
 * profile: `intake:<profileId>`.
 */
export interface DraftRecord {
  id: string;
  profileId: string;
  /** When it was last saved (epoch ms, the app clock). */
  savedAt: number;
  /** The form's controls, as typed. */
  values: Record<string, string>;
}

/** The table the drafts live in (the desk's database: db.ts). */
interface DraftTables {
  drafts: Table<DraftRecord, string>;
}

export const draftKey = (form: string, profileId: string) => `${form}:${profileId}`;

export async function loadDraft(db: DraftTables, id: string): Promise<DraftRecord | undefined> {
  const found = await db.drafts.get(id);
  if (!found || typeof found.values !== 'object' || found.values === null) return undefined;
  // Only string values come back: a damaged record cannot put anything else into a form.
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(found.values)) if (typeof v === 'string') values[k] = v;
  return { ...found, values };
}

export async function saveDraft(db: DraftTables, draft: DraftRecord): Promise<void> {
  await db.drafts.put(draft);
}

export async function clearDraft(db: DraftTables, id: string): Promise<void> {
  await db.drafts.delete(id);
}
