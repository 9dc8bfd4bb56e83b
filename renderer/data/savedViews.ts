import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { type LogLayout, normaliseLayout } from '../../shared/log/logLayout';
import { LOG_COLUMNS, type LogQuery, QUEUES } from '../../shared/log/logQuery';
import { useServices } from './hooks';
import type { Repo } from './repo';

/** A named log view: queue, search, filters and sort, and the columns shown (issue 16), kept per person on this desk. */
export interface SavedView {
  id: string;
  name: string;
  query: LogQuery;
  /** The columns as they were when it was saved; views saved before columns could be chosen have none. */
  layout?: LogLayout;
}

const column = z.enum(LOG_COLUMNS);
const savedViewSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  query: z.object({
    queue: z.enum(QUEUES),
    search: z.string().max(200),
    filters: z.partialRecord(column, z.string().max(200)),
    sort: z.array(z.object({ column, desc: z.boolean() })).max(LOG_COLUMNS.length),
  }),
  layout: z.unknown().optional(),
});

/** Stored views, dropping any that no longer parse (a column renamed by an upgrade) rather than failing. */
function parseViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((v) => {
    const parsed = savedViewSchema.safeParse(v);
    if (!parsed.success) return [];
    const { layout, ...view } = parsed.data;
    return [layout === undefined ? (view as SavedView) : { ...(view as SavedView), layout: normaliseLayout(layout) }];
  });
}

export function useSavedViews(profileId: string): SavedView[] {
  const { repo } = useServices();
  return useLiveQuery(async () => parseViews(await repo.savedViews(profileId)), [repo, profileId]) ?? [];
}

/** Saves the query under a name; a view of the same name (any case) is replaced. */
export async function saveView(
  repo: Repo,
  profileId: string,
  name: string,
  query: LogQuery,
  now: number,
  layout?: LogLayout,
): Promise<SavedView> {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('validation', 'Name the view, for example "My overdue High".');
  if (trimmed.length > 60) throw new DomainError('validation', `Shorten the name to 60 characters or fewer (now ${trimmed.length}).`);
  return repo.updateSavedViews(profileId, (stored) => {
    const view: SavedView = {
      id: newId(now),
      name: trimmed,
      query: structuredClone(query),
      ...(layout ? { layout: structuredClone(layout) } : {}),
    };
    const next = [...parseViews(stored).filter((v) => v.name.toLowerCase() !== trimmed.toLowerCase()), view].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    return { value: next, result: view };
  });
}

export async function deleteView(repo: Repo, profileId: string, id: string): Promise<void> {
  await repo.updateSavedViews(profileId, (stored) => ({ value: parseViews(stored).filter((v) => v.id !== id), result: undefined }));
}
