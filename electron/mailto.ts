import type { MailtoRequest } from '../shared/ipc';
import { mailtoOf } from '../shared/mailto';

/**
 * Opens a ready message as an e-mail in the desk's mail program. The URL is written here, in main, from the
 * validated request (one address, a subject, a body), so nothing but a mailto: URL ever reaches openExternal.
 */
export async function openMailto(
  shell: { openExternal(url: string): Promise<void> },
  request: MailtoRequest,
): Promise<{ opened: boolean }> {
  const mailto = mailtoOf(request.to, request);
  if (!mailto.startsWith('mailto:')) return { opened: false };
  await shell.openExternal(mailto);
  return { opened: true };
}
