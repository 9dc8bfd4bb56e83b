import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  CHANNEL_PREFIX,
  IPC_METHODS,
  type IpcContract,
  type IpcMethod,
  type IpcResponse,
  ipcContract,
  isContractChannel,
} from '../shared/ipc';
import { type Logger, log, redactText } from './log';
import { isAppUrl } from './security';

/** What main implements: one async function per contract method, given the already-parsed request. */
export type IpcHandlers = {
  [M in IpcMethod]: (request: z.output<IpcContract[M]['request']>) => Promise<IpcResponse<M>>;
};

/** Decides whether an invoke came from the app's own page; anything else is refused before parsing. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** The error codes an IPC call can fail with, first in the message so the renderer can map them. */
export type IpcErrorCode = 'invalid_payload' | 'invalid_response' | 'untrusted_sender';

/**
 * A refused IPC call. Electron passes only the message across to the renderer, so the message
 * is `<code>: <what was wrong>`. It names fields and rules, never values: payloads carry member data.
 */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'IpcError';
  }
}

/** The default sender check: the invoking frame is still showing a page on app://liaison. */
export const isAppSender: SenderCheck = (event) => isAppUrl(event.senderFrame?.url);

// The contract's entries seen through their common shape, so one loop can register them all.
type ContractEntry = { readonly channel: string; readonly request: z.ZodType; readonly response: z.ZodType };

/**
 * Registers one `ipcMain.handle` per contract method, and nothing else. Each call is checked in
 * order: the sender is the app's own page, the request parses with the contract's schema, and
 * the handler's answer parses with the response schema (so main cannot leak extra fields).
 *
 * Every failure is logged without the request: refusals by method and rule, handler errors with
 * every string of the request scrubbed from them. A handler's error is re-thrown scrubbed the
 * same way, because Electron prints what a handler throws to the console.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
  logger: Logger = log,
): void {
  for (const method of IPC_METHODS) {
    const entry: ContractEntry = ipcContract[method];
    // VS Code's validateIPC: only prefixed contract channels ever reach a handler.
    if (!entry.channel.startsWith(CHANNEL_PREFIX) || !isContractChannel(entry.channel)) {
      throw new Error(`IPC channel "${entry.channel}" for ${method} must start with "${CHANNEL_PREFIX}"; fix shared/ipc.ts.`);
    }
    // Safe: the request below is parsed by this same method's schema before the call.
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;

    const checkedCall = async (event: IpcMainInvokeEvent, args: unknown[]): Promise<unknown> => {
      if (!isTrustedSender(event)) {
        throw new IpcError('untrusted_sender', `${method} was called from a page that is not part of Liaison Log.`);
      }
      if (args.length > 1) {
        throw new IpcError('invalid_payload', `${method} takes one request argument, got ${args.length}.`);
      }
      const request = entry.request.safeParse(args[0]);
      if (!request.success) {
        throw new IpcError('invalid_payload', `${method} request ${describeIssues(request.error.issues)}.`);
      }
      let answer: unknown;
      try {
        answer = await handler(request.data);
      } catch (error) {
        throw new HandlerFailure(error);
      }
      const response = entry.response.safeParse(answer);
      if (!response.success) {
        throw new IpcError('invalid_response', `${method} answered with ${describeIssues(response.error.issues)}.`);
      }
      return response.data;
    };

    ipcMain.handle(entry.channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      try {
        return await checkedCall(event, args);
      } catch (thrown) {
        const scrub = stringsIn(args);
        if (thrown instanceof HandlerFailure) {
          logger.error(`IPC ${method} failed`, { error: thrown.cause }, scrub);
          throw scrubbedError(thrown.cause, scrub);
        }
        // Refusals name fields and rules only (describeIssues), so the message is the whole story.
        logger.warn(`IPC ${method} refused: ${thrown instanceof Error ? thrown.message : String(thrown)}`, undefined, scrub);
        throw thrown;
      }
    });
  }
}

/** Marks an error thrown by a handler itself, as opposed to a refusal by the checks around it. */
class HandlerFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('handler failed');
  }
}

/** What the renderer gets back from a failed handler: the same name and message, scrubbed; no stack. */
function scrubbedError(error: unknown, scrub: readonly string[]): Error {
  const message = error instanceof Error ? error.message : String(error);
  const out = new Error(redactText(message, scrub));
  if (error instanceof Error) out.name = error.name;
  out.stack = `${out.name}: ${out.message}`;
  return out;
}

/**
 * Every string value in a request, a few levels deep: what must not be echoed back out. Keys are
 * left out: handlers get only the contract's own field names (unknown keys fail parsing).
 */
function stringsIn(value: unknown, depth = 0, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (value !== null && typeof value === 'object' && depth < 6) {
    for (const item of Object.values(value)) stringsIn(item, depth + 1, found);
  }
  return found;
}

/**
 * Says which field broke which rule, built from the schema's side of each issue (expected type,
 * limits, counts) rather than zod's message text, so no received value or unknown key name
 * can appear in an error or a log.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${describePath(issue.path)} ${describeRule(issue)}`).join('; ');
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(whole request)' : `field "${path.map(String).join('.')}"`;
}

function describeRule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected}`;
    case 'too_big':
      return `is too large (maximum ${String(issue.maximum)})`;
    case 'too_small':
      return `is too small (minimum ${String(issue.minimum)})`;
    case 'invalid_value':
      return 'is not one of the allowed values';
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length} unexpected field(s)`;
    default:
      return `failed check "${issue.code}"`;
  }
}
