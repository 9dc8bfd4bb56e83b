import { PlainWordsError } from '../errors';
/*
 * What kind of file a person chose, from its bytes rather than its name: an XLSX workbook (a ZIP),
 * a CSV (text), or something the import must refuse with a message that says what to do.
 */

export const IMPORT_FILE_ERRORS = [
  'empty',
  'too_large',
  'password_protected',
  'legacy_xls',
  'not_spreadsheet',
  'unreadable_workbook',
  'no_rows',
  'gone',
] as const;
export type ImportFileError = (typeof IMPORT_FILE_ERRORS)[number];

/** A file the import cannot read. Nothing has been written when one is reported. */
export class ImportFileProblem extends PlainWordsError {
  constructor(
    readonly code: ImportFileError,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileProblem';
  }
}

/** The largest file read (a 100,000-row log saved as CSV is about 40 MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export type SniffResult = { kind: 'xlsx' } | { kind: 'csv'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const SAVE_AS = 'Open it in Excel and use File → Save As → Excel Workbook (.xlsx) or CSV UTF-8, then import that file.';

const KNOWN_BINARY: { sig: readonly number[]; what: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
  { sig: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { sig: [0x4d, 0x5a], what: 'a program' },
];

/** UTF-16 "EncryptionInfo": the stream an Office file encrypted with a password keeps its key data in. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (
    let i = bytes.indexOf(first as number);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first as number, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  // A multi-byte character may be cut at the end of the sample: stop 3 bytes short.
  const end = bytes.length - 3;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) i += 1;
    else {
      const n = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
      if (n < 0) return false;
      for (let k = 1; k <= n; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return false;
      i += n + 1;
    }
  }
  return true;
}

/**
 * A chosen file the browser could not read: it is read from disk when the import gets to it, so it may have been
 * moved, renamed or deleted since it was chosen, or another program (Excel saving it) may hold it.
 */
export function fileReadProblem(fileName: string): ImportFileProblem {
  return new ImportFileProblem(
    'gone',
    `"${fileName || 'The file'}" could not be read: it was moved, renamed or deleted after it was chosen, or another program is using it. Close it in Excel if it is open there, then choose it again.`,
  );
}

/** Names the file's kind, or throws an ImportFileProblem saying what is wrong and what to do. */
export function sniffSpreadsheet(fileName: string, bytes: Uint8Array): SniffResult {
  const name = fileName || 'The file';
  if (bytes.length === 0)
    throw new ImportFileProblem('empty', `"${name}" is empty (0 bytes). Choose the saved log spreadsheet (.xlsx or .csv).`);
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFileProblem(
      'too_large',
      `"${name}" is ${(bytes.length / 1048576).toFixed(0)} MB; the import reads files up to ${MAX_IMPORT_BYTES / 1048576} MB. Split the log (for example by year) and import each part: rows already imported are never added twice.`,
    );
  if (startsWith(bytes, ZIP)) return { kind: 'xlsx' };
  if (startsWith(bytes, EMPTY_ZIP)) throw new ImportFileProblem('not_spreadsheet', `"${name}" is an empty ZIP archive, not a spreadsheet.`);
  if (startsWith(bytes, CFB)) {
    if (contains(bytes, ENCRYPTION_INFO))
      throw new ImportFileProblem(
        'password_protected',
        `"${name}" is protected with a password, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the box), save a copy, and import the copy.`,
      );
    throw new ImportFileProblem('legacy_xls', `"${name}" is an Excel 97–2003 workbook (.xls), which the import does not read. ${SAVE_AS}`);
  }
  for (const k of KNOWN_BINARY)
    if (startsWith(bytes, k.sig))
      throw new ImportFileProblem('not_spreadsheet', `"${name}" is ${k.what}, not a spreadsheet. Choose the log saved as .xlsx or .csv.`);

  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'csv', encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'csv', encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control += 1;
  if (control > sample.length * 0.01)
    throw new ImportFileProblem(
      'not_spreadsheet',
      `"${name}" is not a spreadsheet or text file the import can read. Choose the log saved as .xlsx or .csv.`,
    );
  return { kind: 'csv', encoding: isValidUtf8(sample) ? 'utf-8' : 'windows-1252' };
}
