import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The main process's only logger. Member data (names, Medicaid IDs, dates of birth, phones) is
 * health data and must never reach a log, so every line passes `redact`: values under keys that
 * hold member data or free text are replaced whole, and any string is scrubbed of what looks like
 * an identifier (long digit runs, ID-shaped tokens, phones, dates, SSNs, emails). Callers that
 * hold a request's own values (the IPC layer) also pass them as `scrub`, so an error that echoes
 * its input (a name in free text the patterns cannot recognise) is scrubbed too.
 *
 * Plain appends to one file in the app's logs folder, rotated at a size limit; no dependency.
 */

export const REDACTED = '[redacted]';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, details?: unknown, scrub?: readonly string[]): void;
  warn(message: string, details?: unknown, scrub?: readonly string[]): void;
  error(message: string, details?: unknown, scrub?: readonly string[]): void;
}

/** Where formatted lines go: a file, the console, or a test's array. */
export type LogSink = (level: LogLevel, line: string) => void;

/**
 * Keys whose values are member data, or free text that may contain it, in any object logged.
 * The inquiry's field names (shared/inquiry/fields.ts) and the usual words for request bodies.
 */
const MEMBER_DATA_KEY =
  /name|member|medicaid|dob|birth|phone|ssn|address|street|zip|email|contact|callback|originator|description|outcome|cause|note|text|comment|body|title|label|payload|request|args|value/i;

/** What looks like an identifier, in the order applied; each match becomes [redacted]. */
const IDENTIFIER_PATTERNS: readonly RegExp[] = [
  // Email addresses.
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  // SSNs: 123-45-6789.
  /\b\d{3}-\d{2}-\d{4}\b/g,
  // US phone numbers: (512) 555-0147, 512-555-0147, 512.555.0147, +1 512 555 0147, 5125550147.
  /(\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g,
  // Dates, which may be a birth date: 04/02/1961, 4-2-61, 1961-04-02, April 2, 1961.
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b/gi,
  // Medicaid and other member IDs: 8 to 14 letters and digits with at least 5 digits (1234567A,
  // AB12345C, 123456789), and any run of 7 or more digits. Case numbers (261123-K7QM2-004) and
  // ULIDs (26 characters) stay readable.
  /\b(?=[A-Za-z0-9]*(?:\d[A-Za-z]*){5})[A-Za-z0-9]{8,14}\b/g,
  /\d{7,}/g,
];

const MAX_STRING = 1_000;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
const MIN_SCRUB_LENGTH = 3;

/** `text` with everything that looks like member data, and every `scrub` value, replaced. */
export function redactText(text: string, scrub: readonly string[] = []): string {
  let out = text;
  for (const value of scrubList(scrub)) out = out.split(value).join(REDACTED);
  for (const pattern of IDENTIFIER_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}… (${out.length - MAX_STRING} more characters)` : out;
}

/** Longest first, so a full name is replaced before its parts; each value's words are scrubbed too. */
function scrubList(scrub: readonly string[]): string[] {
  const values = new Set<string>();
  for (const value of scrub) {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SCRUB_LENGTH) values.add(trimmed);
    for (const word of trimmed.split(/[\s,;:()"'[\]{}<>]+/)) if (word.length >= MIN_SCRUB_LENGTH) values.add(word);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/**
 * A JSON-safe copy of `value` fit for a log: member-data keys replaced whole, strings scrubbed,
 * Errors reduced to name, code, message and stack (all scrubbed), depth and size bounded.
 */
export function redact(value: unknown, scrub: readonly string[] = [], depth = 0): unknown {
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number') return value ?? null;
  if (typeof value === 'string') return redactText(value, scrub);
  if (typeof value === 'bigint') return redactText(value.toString(), scrub);
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value instanceof Error) return redactError(value, scrub);
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, scrub, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)) {
    // The key itself may be data (an unknown field named after a member): scrub it as text too.
    out[redactText(key, scrub)] = MEMBER_DATA_KEY.test(key) ? REDACTED : redact(item, scrub, depth + 1);
  }
  return out;
}

function redactError(error: Error, scrub: readonly string[]): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const out: Record<string, unknown> = { name: redactText(error.name, scrub), message: redactText(error.message, scrub) };
  if (typeof code === 'string' || typeof code === 'number') out.code = redactText(String(code), scrub);
  // The stack's first line repeats the message; the frames name source files, not data.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line));
  if (frames.length > 0) out.stack = frames.slice(0, 12).map((line) => redactText(line.trim(), scrub));
  return out;
}

/** One log line: ISO time, level, scrubbed message, then the redacted details as JSON. */
export function formatLine(level: LogLevel, message: string, details: unknown, scrub: readonly string[], at: Date): string {
  const text = redactText(message, scrub).replace(/[\r\n]+/g, ' ');
  const extra = details === undefined ? '' : ` ${JSON.stringify(redact(details, scrub))}`;
  return `${at.toISOString()} [${level}] ${text}${extra}`;
}

export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, details?: unknown, scrub: readonly string[] = []) => {
      try {
        sink(level, formatLine(level, message, details, scrub, now()));
      } catch {
        // A log that cannot be written must never take the app down with it.
      }
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const consoleSink: LogSink = (level, line) => {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

/**
 * Appends lines to `file` (creating its folder), moving it to `<name>.1.log` once it passes
 * `maxBytes`, so the log never grows without bound and one older file is kept.
 */
export function fileSink(file: string, maxBytes = 1_000_000): LogSink {
  mkdirSync(path.dirname(file), { recursive: true });
  const previous = file.replace(/(\.log)?$/, '.1.log');
  return (_level, line) => {
    try {
      if (statSync(file).size > maxBytes) renameSync(file, previous);
    } catch {
      // No file yet: the append below creates it.
    }
    appendFileSync(file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
  };
}

let activeSink: LogSink = consoleSink;

/** The app's logger: the console until main calls `logToFile`, then that file (and the console in development). */
export const log: Logger = createLogger((level, line) => activeSink(level, line));

/** Sends every later line of `log` to `file`; with `echo`, to the console as well. */
export function logToFile(file: string, options: { echo: boolean; maxBytes?: number }): void {
  const toFile = fileSink(file, options.maxBytes);
  activeSink = options.echo
    ? (level, line) => {
        toFile(level, line);
        consoleSink(level, line);
      }
    : toFile;
}
