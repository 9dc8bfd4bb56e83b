import { z } from 'zod';
import { fromUtf8, utf8 } from './platform';

/**
 * SHARE.json: the share's identity, in clear text, written once by the desk that creates the
 * share and never changed. Desks pin its `shareId`; a folder whose SHARE.json is missing or
 * names another share is refused, never re-initialised (docs/sync.md "A stale or missing share").
 */

/** The share layout this version reads and writes. A share with a higher number is refused with an explanation. */
export const SHARE_FORMAT = 1;

const shareSchema = z.object({
  app: z.literal('Liaison Log'),
  format: z.number().int().min(1),
  shareId: z.string().regex(/^[0-9A-Z]{26}$/),
  keyId: z.number().int().min(1).max(65_535),
  createdAt: z.number().int().nonnegative(),
});
export type ShareInfo = z.infer<typeof shareSchema>;

const NOTE = 'This folder holds a Liaison Log sync share. Its files are encrypted. Do not edit, move or delete them.';

export function encodeShareFile(info: ShareInfo): Uint8Array {
  return utf8(`${JSON.stringify({ ...info, note: NOTE }, null, 2)}\n`);
}

export type ShareFileResult =
  | { ok: true; share: ShareInfo }
  | { ok: false; reason: 'damaged' }
  | { ok: false; reason: 'newer_format'; format: number };

export function parseShareFile(bytes: Uint8Array): ShareFileResult {
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SHARE_FORMAT) return { ok: false, reason: 'newer_format', format };
  const parsed = shareSchema.safeParse(json);
  return parsed.success ? { ok: true, share: parsed.data } : { ok: false, reason: 'damaged' };
}
