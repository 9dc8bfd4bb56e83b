import { z } from 'zod';

/**
 * The link of a desk's hash chain that each event carries (the rules: chain.ts). Apart from chain.ts
 * because the event schema (events.ts) needs it and chain.ts needs the events.
 */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const chainLinkSchema = z.object({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), prev: hex64, hash: hex64 });
export type ChainLink = z.infer<typeof chainLinkSchema>;
