import { type AgencyConfig, normaliseAgencyConfig } from '../../shared/config/agencyConfig';
import { describeConfigChanges } from '../../shared/config/configChanges';
import { ConfigInvalidError, validateAgencyConfig } from '../../shared/config/validateConfig';
import { DomainError } from '../../shared/errors';
import type { Instant } from '../../shared/time/types';
import type { LiaisonDb } from './db';
import { type ConfigHistoryEntry, getMeta, putMeta } from './meta';

export type { ConfigHistoryEntry } from './meta';

/*
 * The agency configuration is per desk: one record in `meta` (`config`, meta.ts), read through normaliseAgencyConfig.
 * Saving validates the whole configuration, refuses to remove a priority level open inquiries still carry,
 * and writes the new configuration and a history entry (the configuration it replaced, who, when, what
 * changed) in one transaction. A policy change applies to inquiries logged after it: the targets an inquiry
 * was given are recorded in its events.
 */

/** History entries kept, newest first; an entry is one whole configuration (a few kilobytes). */
export const CONFIG_HISTORY_LIMIT = 100;

export interface SaveConfigResult {
  /** What changed; empty when the configuration was already as given (nothing is written then). */
  changes: string[];
}

/** Validates and stores a whole configuration with its history entry. Throws ConfigInvalidError or DomainError; stores nothing then. */
export async function saveAgencyConfig(db: LiaisonDb, next: AgencyConfig, now: Instant): Promise<SaveConfigResult> {
  const result = validateAgencyConfig(next);
  if (!result.ok) throw new ConfigInvalidError(next, result.issues);
  const config = result.config;
  return db.transaction('rw', [db.meta, db.inquiries, db.profiles], async () => {
    const previous = normaliseAgencyConfig(await getMeta(db.meta, 'config'));
    const kept = new Set(config.priorityLevels.map((p) => p.id));
    const removed = new Map(previous.priorityLevels.filter((p) => !kept.has(p.id)).map((p) => [p.id, p.label]));
    if (removed.size > 0) {
      const inUse = new Map<string, number>();
      await db.inquiries
        .filter((r) => r.status === 'open' && removed.has(r.priority))
        .each((r) => {
          inUse.set(r.priority, (inUse.get(r.priority) ?? 0) + 1);
        });
      if (inUse.size > 0) {
        const which = [...inUse].map(([id, n]) => `"${removed.get(id)}" (${n} open ${n === 1 ? 'inquiry' : 'inquiries'})`).join(', ');
        throw new DomainError(
          'invalid_step',
          `Nothing was saved: ${which} cannot be removed while open inquiries have it. Resolve them or change their priority first.`,
        );
      }
    }
    const changes = describeConfigChanges(previous, config);
    if (changes.length === 0) return { changes };
    const activeId = await getMeta(db.meta, 'activeProfile');
    const profile = typeof activeId === 'string' ? await db.profiles.get(activeId) : undefined;
    const entry: ConfigHistoryEntry = { at: now, by: profile ? { id: profile.id, name: profile.displayName } : null, changes, previous };
    const history = (await getMeta(db.meta, 'configHistory')) ?? [];
    await putMeta(db.meta, 'config', config);
    await putMeta(db.meta, 'configHistory', [entry, ...history].slice(0, CONFIG_HISTORY_LIMIT));
    return { changes };
  });
}
