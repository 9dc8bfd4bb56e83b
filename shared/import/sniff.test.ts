import { describe, expect, it } from 'vitest';
import { fileReadProblem, ImportFileProblem, MAX_IMPORT_BYTES, sniffSpreadsheet } from './sniff';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

function problem(name: string, b: Uint8Array): { code: string; message: string } {
  try {
    sniffSpreadsheet(name, b);
  } catch (e) {
    if (e instanceof ImportFileProblem) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the file to be refused');
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('sniffSpreadsheet: what kind of file, from its bytes', () => {
  it('knows XLSX (a ZIP) and CSV text in its encodings', () => {
    expect(sniffSpreadsheet('log.xlsx', bytes([0x50, 0x4b, 0x03, 0x04], 'rest'))).toEqual({ kind: 'xlsx' });
    expect(sniffSpreadsheet('log.csv', bytes('Date,Issue\r\n3/3/2025,Refill\r\n'))).toEqual({ kind: 'csv', encoding: 'utf-8' });
    expect(sniffSpreadsheet('log.csv', bytes([0xef, 0xbb, 0xbf], 'Date,Issue'))).toEqual({ kind: 'csv', encoding: 'utf-8' });
    expect(sniffSpreadsheet('log.csv', bytes('Name,Issue\r\nPe', [0xf1], 'a,Refill\r\n'))).toEqual({
      kind: 'csv',
      encoding: 'windows-1252',
    });
    expect(sniffSpreadsheet('log.txt', bytes([0xff, 0xfe], 'D\0a\0'))).toEqual({ kind: 'csv', encoding: 'utf-16le' });
  });

  it('refuses an empty file', () => {
    expect(problem('empty.csv', new Uint8Array())).toEqual({
      code: 'empty',
      message: '"empty.csv" is empty (0 bytes). Choose the saved log spreadsheet (.xlsx or .csv).',
    });
  });

  it('recognises a password-protected workbook and says how to remove the password', () => {
    const encrypted = bytes(
      CFB,
      new Array(600).fill(0),
      Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]),
    );
    expect(problem('log.xlsx', encrypted)).toEqual({
      code: 'password_protected',
      message:
        '"log.xlsx" is protected with a password, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the box), save a copy, and import the copy.',
    });
  });

  it('tells an old .xls workbook from an encrypted one', () => {
    expect(problem('log.xls', bytes(CFB, new Array(600).fill(0))).code).toBe('legacy_xls');
  });

  it('names common files that are not spreadsheets', () => {
    expect(problem('scan.pdf', bytes('%PDF-1.4\n'))).toEqual({
      code: 'not_spreadsheet',
      message: '"scan.pdf" is a PDF document, not a spreadsheet. Choose the log saved as .xlsx or .csv.',
    });
    expect(problem('photo.xlsx', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatchObject({ code: 'not_spreadsheet' });
  });

  it('refuses binary junk whatever its name', () => {
    let seed = 7;
    const junk = Uint8Array.from({ length: 100_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 255;
    });
    expect(problem('log.csv', junk)).toEqual({
      code: 'not_spreadsheet',
      message: '"log.csv" is not a spreadsheet or text file the import can read. Choose the log saved as .xlsx or .csv.',
    });
  });

  it('refuses files over the size limit before reading them', () => {
    const big = { length: MAX_IMPORT_BYTES + 1 } as Uint8Array;
    expect(problem('huge.csv', big)).toMatchObject({ code: 'too_large' });
  });
});

describe('fileReadProblem: a chosen file the browser could not read', () => {
  it('names the file and says what to do, as a problem the import view shows as it is', () => {
    const p = fileReadProblem('MCO Inquiry Log.xlsx');
    expect(p).toBeInstanceOf(ImportFileProblem);
    expect(p.code).toBe('gone');
    expect(p.message).toBe(
      '"MCO Inquiry Log.xlsx" could not be read: it was moved, renamed or deleted after it was chosen, or another program is using it. Close it in Excel if it is open there, then choose it again.',
    );
  });
});
