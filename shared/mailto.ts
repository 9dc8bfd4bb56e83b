/** A message ready to send (shared/inquiry/message.ts writes them without member identifiers). */
export interface ReadyMessage {
  subject: string;
  body: string;
}

/**
 * A mailto: URL for a ready message (RFC 6068): one address (or none: the mail program asks), the subject and
 * the body percent-encoded, lines ending CRLF. Its own module, free of the domain, so main can write the URL itself.
 */
export function mailtoOf(to: string, message: ReadyMessage): string {
  const address = to ? encodeURIComponent(to).replace(/%40/g, '@') : '';
  return `mailto:${address}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body.replace(/\r?\n/g, '\r\n'))}`;
}
