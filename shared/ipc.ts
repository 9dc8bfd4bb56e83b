import { z } from 'zod';
import { isCaseNumber } from './inquiry/caseNumber';
import { DUE_KINDS } from './inquiry/due';
import { CHANNEL_PREFIX, IPC_CHANNELS, IPC_EVENT_CHANNELS } from './ipcChannels';
import { emailSchema } from './people';
import { syncContract } from './sync/ipcContract';

export { CHANNEL_PREFIX };

/**
 * The one IPC contract between the renderer (through the preload bridge) and the main process.
 * Every channel is prefixed `liaison:`; main rejects any other. Each entry names its channel and
 * the zod schemas of its request and response: main parses every request (the renderer is
 * untrusted) and the browser bridge implements the same `LiaisonApi`, so a channel cannot exist
 * on one side only.
 */

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['desktop', 'browser']),
  os: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** An inquiry id as the router accepts it (renderer/app/router.ts): a ULID or a legacy id. */
export const inquiryIdSchema = z.string().regex(/^[0-9A-Za-z]{10,40}$/);

/**
 * A case number fit for a desktop notification: the app's own format (261123-K7QM2-004), or an
 * imported one of capital letters, digits and hyphens with at least one digit, so a name can
 * never pass as a case number.
 */
export const notificationCaseNumberSchema = z
  .string()
  .max(24)
  .refine((text) => isCaseNumber(text) || /^(?=.*\d)[A-Z0-9][A-Z0-9-]*$/.test(text), 'not a case number');

/**
 * A desktop notification names the case number and what is due, nothing else: main writes the
 * title and body from these enums, so no free text (and no member data) can reach the
 * notification centre, which other people at the desk can see.
 */
export const itemNotificationSchema = z
  .object({
    inquiryId: inquiryIdSchema,
    caseNumber: notificationCaseNumberSchema,
    /** Which step is due; null when the sender cannot tell (the text then says "An item"). */
    due: z.enum(DUE_KINDS).nullable(),
    /** 'warning': a threshold of its business time reached (shared/inquiry/warnings.ts); 'due': its target time reached. */
    state: z.enum(['due_soon', 'warning', 'due', 'overdue']),
    /** The warning threshold reached, in percent; absent or null for a reminder without one (a callback in 30 minutes). */
    percent: z.number().int().min(1).max(99).nullable().optional(),
  })
  .strict();
const count = z.number().int().min(0).max(10_000_000);
/** One notification for many items (after closed time, or too many at once): counts, and case numbers only when few. */
export const summaryNotificationSchema = z
  .object({
    kind: z.literal('summary'),
    /** The most serious item: a click opens it. */
    inquiryId: inquiryIdSchema,
    whileClosed: z.boolean(),
    overdue: count,
    due: count,
    warnings: count,
    caseNumbers: z.array(notificationCaseNumberSchema).max(3),
  })
  .strict();
export const notificationRequestSchema = z.union([itemNotificationSchema, summaryNotificationSchema]);
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;
export type ItemNotificationRequest = z.infer<typeof itemNotificationSchema>;
export type SummaryNotificationRequest = z.infer<typeof summaryNotificationSchema>;

const DUE_TEXT: Readonly<Record<NonNullable<ItemNotificationRequest['due']>, string>> = {
  first_contact: 'First contact with the member',
  mco_contact: 'The MCO’s contact with the member',
  mco_follow_up: 'Follow-up with the MCO',
  callback: 'A scheduled callback',
};

/**
 * A notification's text, made only from the case number and two enums (the desktop and the
 * browser build show the same): the notification centre keeps it and anyone at the desk can
 * see it, so it never carries member data.
 */
export function notificationContent(request: NotificationRequest): { title: string; body: string } {
  if ('kind' in request) return summaryContent(request);
  const what = request.due === null ? 'An item on this inquiry' : DUE_TEXT[request.due];
  switch (request.state) {
    case 'overdue':
      return { title: `Overdue: case ${request.caseNumber}`, body: `${what} is overdue. Click to open the inquiry.` };
    case 'due':
      return { title: `Due now: case ${request.caseNumber}`, body: `${what} has reached its target time. Click to open the inquiry.` };
    case 'warning':
      return typeof request.percent === 'number'
        ? {
            title: `Warning: case ${request.caseNumber}`,
            body: `${what}: ${request.percent} % of its business time is used. Click to open the inquiry.`,
          }
        : { title: `Due soon: case ${request.caseNumber}`, body: `${what} is due soon. Click to open the inquiry.` };
    default:
      return { title: `Due soon: case ${request.caseNumber}`, body: `${what} is due soon. Click to open the inquiry.` };
  }
}

const items = (n: number) => (n === 1 ? '1 item' : `${n.toLocaleString('en-US')} items`);

/** "While the office was closed" / "Several items need attention": "3 items became overdue, 5 reached a warning." */
function summaryContent(s: SummaryNotificationRequest): { title: string; body: string } {
  const parts = [
    s.overdue > 0 ? `${items(s.overdue)} became overdue` : '',
    s.due > 0 ? `${items(s.due)} reached ${s.due === 1 ? 'its' : 'their'} target time` : '',
    s.warnings > 0 ? `${items(s.warnings)} reached a warning` : '',
  ].filter(Boolean);
  const cases = s.caseNumbers.length > 0 ? ` (case${s.caseNumbers.length === 1 ? '' : 's'} ${s.caseNumbers.join(', ')})` : '';
  return {
    title: s.whileClosed ? 'While the office was closed' : 'Several items need attention',
    body: `${parts.join(', ')}${cases}. Click to open the most urgent.`,
  };
}

/** Files a lead saves: exports and report PDFs. */
export const SAVE_FORMATS = ['xlsx', 'csv', 'pdf', 'json.gz'] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];
/** The largest file the renderer may hand main to save (a 100,000-row export with every column is about 60 MB). */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

/** A file name without folders or characters Windows refuses, ending in its format's extension. */
const suggestedNameSchema = z
  .string()
  .min(5)
  .max(180)
  .regex(/^[^\\/:*?"<>|]+\.(xlsx|csv|pdf|json\.gz)$/, 'a plain file name ending .xlsx, .csv, .pdf or .json.gz')
  .refine((name) => [...name].every((c) => c.charCodeAt(0) >= 0x20), 'no control characters in a file name');

/**
 * Saving a file through the desktop's own Save dialog (the browser build downloads it). Main checks
 * the real destination of every file and refuses network shares and cloud-synced folders whatever
 * `containsMemberData` says (electron/destination.ts); the flag marks an export with member
 * identifiers unmasked for the browser build and the screens' wording.
 */
export const saveFileRequestSchema = z
  .object({
    suggestedName: suggestedNameSchema,
    format: z.enum(SAVE_FORMATS),
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'the file content as bytes')
      .refine((d) => d.byteLength <= MAX_SAVE_BYTES, 'the file is too large to save'),
    containsMemberData: z.boolean(),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/** What became of a save: written (the file's name, not its folder), cancelled in the dialog, refused (why), or handed to the print dialog (browser). */
export const saveOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), fileName: z.string().max(260) }).strict(),
  z.object({ outcome: z.literal('cancelled') }).strict(),
  z.object({ outcome: z.literal('refused'), message: z.string().max(400) }).strict(),
  z.object({ outcome: z.literal('printed') }).strict(),
]);
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

/** A ready message to open as an e-mail: one address (or none: the person fills it in), the subject and the body. */
export const mailtoRequestSchema = z
  .object({
    to: emailSchema.refine((s) => !/[?&%#]/.test(s), 'not one e-mail address'),
    subject: z.string().min(1).max(200),
    body: z.string().max(6000),
  })
  .strict();
export type MailtoRequest = z.infer<typeof mailtoRequestSchema>;

/** The current page as a PDF (the lead report), saved through the Save dialog. */
export const printToPdfRequestSchema = z.object({ suggestedName: suggestedNameSchema, landscape: z.boolean() }).strict();

export const ipcContract = {
  getAppInfo: {
    channel: IPC_CHANNELS.getAppInfo,
    request: z.undefined(),
    response: appInfoSchema,
  },
  copyText: {
    channel: IPC_CHANNELS.copyText,
    request: z.object({ text: z.string().max(20_000) }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * Opens a ready message (shared/inquiry/message.ts: no member identifiers) as an e-mail in the desk's mail
   * program. Main writes the mailto: URL itself from these fields and opens nothing but mailto:.
   */
  openMailto: {
    channel: IPC_CHANNELS.openMailto,
    request: mailtoRequestSchema,
    response: z.object({ opened: z.boolean() }),
  },
  /** The renderer reports how many inquiries are overdue; main shows it on the dock/taskbar. */
  setOverdueCount: {
    channel: IPC_CHANNELS.setOverdueCount,
    request: z.object({ count: z.number().int().min(0).max(1_000_000) }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Asks main for a desktop notification; `shown` is false where the system has none. */
  showNotification: {
    channel: IPC_CHANNELS.showNotification,
    request: notificationRequestSchema,
    response: z.object({ shown: z.boolean() }),
  },
  /** Saves an export (or any lead file) where the person chooses in the native Save dialog. */
  saveFile: {
    channel: IPC_CHANNELS.saveFile,
    request: saveFileRequestSchema,
    response: saveOutcomeSchema,
  },
  /** Prints the window to PDF (webContents.printToPDF, print styles applied) and saves it through the Save dialog. */
  printToPdf: {
    channel: IPC_CHANNELS.printToPdf,
    request: printToPdfRequestSchema,
    response: saveOutcomeSchema,
  },
  /** Sync through a network folder: file calls on the chosen share folder, and the data key kept with safeStorage. */
  ...syncContract,
} as const satisfies Record<keyof typeof IPC_CHANNELS, { channel: string; request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<IpcContract[M]['response']>;

/** The API the renderer sees as `window.liaison`: one async function per contract entry. */
export type LiaisonApi = {
  [M in IpcMethod]: IpcRequest<M> extends undefined ? () => Promise<IpcResponse<M>> : (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};

export const IPC_METHODS = Object.keys(ipcContract) as IpcMethod[];

export function isContractChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX) && IPC_METHODS.some((m) => ipcContract[m].channel === channel);
}

/** What the application menu asks the renderer to do (electron/menu.ts). */
export const MENU_COMMANDS = ['new-inquiry', 'find', 'next-due', 'go-to-log'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * Messages main sends to the renderer: a menu command, or "open this inquiry" after a click on
 * a notification. Main builds them from its own enums and validated requests; the renderer
 * parses them again before acting (it trusts nothing it did not make).
 */
export const ipcEvents = {
  menuCommand: {
    channel: IPC_EVENT_CHANNELS.menuCommand,
    payload: z.object({ command: z.enum(MENU_COMMANDS) }).strict(),
  },
  openInquiry: {
    channel: IPC_EVENT_CHANNELS.openInquiry,
    payload: z.object({ inquiryId: inquiryIdSchema }).strict(),
  },
} as const satisfies Record<keyof typeof IPC_EVENT_CHANNELS, { channel: string; payload: z.ZodType }>;

export type IpcEvents = typeof ipcEvents;
export type IpcEventName = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<IpcEvents[E]['payload']>;
export const IPC_EVENT_NAMES = Object.keys(ipcEvents) as IpcEventName[];

/** The subscription half of `window.liaison`: `onMenuCommand(listener)` etc., each returning an unsubscribe. */
export type LiaisonEvents = {
  [E in IpcEventName as `on${Capitalize<E>}`]: (listener: (payload: IpcEventPayload<E>) => void) => () => void;
};
