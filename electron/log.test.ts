import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, fileSink, formatLine, REDACTED, redact, redactText } from './log';

// One member's data as it could appear anywhere: fields, free text, an error message.
const MEMBER = {
  memberName: 'Maria Lopez',
  medicaidId: '1234567A',
  memberDob: '1961-04-02',
  memberPhone: '(512) 555-0147',
};
const MEMBER_STRINGS = ['Maria', 'Lopez', '1234567A', '1961', '04-02', '555-0147', '5125550147'];

function expectNoMemberData(text: string): void {
  for (const value of MEMBER_STRINGS) expect(text).not.toContain(value);
}

describe('redactText', () => {
  it.each([
    ['a Medicaid ID (7 digits and a letter)', 'lookup failed for 1234567A', `lookup failed for ${REDACTED}`],
    ['another state ID shape', 'ID AB12345C not found', `ID ${REDACTED} not found`],
    ['a 9-digit ID', 'member 123456789', `member ${REDACTED}`],
    ['a phone with brackets', 'call (512) 555-0147 today', `call ${REDACTED} today`],
    ['a dotted phone', 'call 512.555.0147', `call ${REDACTED}`],
    ['a +1 phone', 'call +1 512 555 0147', `call ${REDACTED}`],
    ['a US date of birth', 'DOB 04/02/1961', `DOB ${REDACTED}`],
    ['an ISO date of birth', 'born 1961-04-02', `born ${REDACTED}`],
    ['a written date', 'born April 2, 1961', `born ${REDACTED}`],
    ['an SSN', 'SSN 123-45-6789', `SSN ${REDACTED}`],
    ['an email', 'from maria.lopez@example.org', `from ${REDACTED}`],
  ])('hides %s', (_case, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    ['a case number', 'saved 261123-K7QM2-004'],
    ['an inquiry id (ULID)', 'opened 01JDKX4Q7ZP3M8W2R5T9V6Y0BC'],
    ['a channel and a count', 'liaison:app:set-overdue-count answered 12'],
    ['an error code', 'invalid_payload: copyText request field "text" must be string.'],
  ])('leaves %s readable', (_case, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('scrubs given values, and each of their words, even where no pattern would match', () => {
    expect(redactText('could not save note for Maria Lopez', ['Maria Lopez'])).toBe(`could not save note for ${REDACTED}`);
    expect(redactText('LOPEZ, Maria: no answer', ['Maria Lopez', 'LOPEZ'])).toBe(`${REDACTED}, ${REDACTED}: no answer`);
  });

  it('cuts very long text', () => {
    expect(redactText('x'.repeat(1_500))).toBe(`${'x'.repeat(1_000)}… (500 more characters)`);
  });
});

describe('redact', () => {
  it('replaces member fields whole, whatever their content', () => {
    expect(
      redact({ method: 'copyText', ...MEMBER, originatorName: 'Dr. Reyes', description: 'Member says pharmacy refused', count: 3 }),
    ).toEqual({
      method: 'copyText',
      memberName: REDACTED,
      medicaidId: REDACTED,
      memberDob: REDACTED,
      memberPhone: REDACTED,
      originatorName: REDACTED,
      description: REDACTED,
      count: 3,
    });
  });

  it('replaces request payloads whole and scrubs keys that are themselves data', () => {
    expect(redact({ request: { text: 'x' }, payload: 'y', args: [1] })).toEqual({ request: REDACTED, payload: REDACTED, args: REDACTED });
    expect(redact({ 'Medicaid 1234567A': true })).toEqual({ [`Medicaid ${REDACTED}`]: REDACTED });
  });

  it('keeps an error to name, code, scrubbed message and stack frames', () => {
    const error = Object.assign(new Error('EACCES: permission denied for Maria Lopez 1234567A'), { code: 'EACCES' });
    const out = redact({ error }, ['Maria Lopez']) as { error: { name: string; code: string; message: string; stack: string[] } };
    expect(out.error.name).toBe('Error');
    expect(out.error.code).toBe('EACCES');
    expect(out.error.message).toBe(`EACCES: permission denied for ${REDACTED} ${REDACTED}`);
    expect(out.error.stack.length).toBeGreaterThan(0);
    expect(out.error.stack.every((frame) => frame.startsWith('at '))).toBe(true);
    expectNoMemberData(JSON.stringify(out));
  });

  it('bounds depth and length', () => {
    expect(redact({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '[nested too deep]' } } } });
    expect(redact(Array.from({ length: 25 }, (_, i) => i))).toEqual([...Array.from({ length: 20 }, (_, i) => i), '… 5 more']);
  });
});

describe('formatLine', () => {
  it('writes time, level, the scrubbed message on one line, and the details as JSON', () => {
    const line = formatLine('error', 'IPC copyText failed\nfor 1234567A', { code: 'EIO' }, [], new Date(Date.UTC(2026, 10, 23, 15, 4, 5)));
    expect(line).toBe(`2026-11-23T15:04:05.000Z [error] IPC copyText failed for ${REDACTED} {"code":"EIO"}`);
  });
});

describe('the log file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends lines with no member data, creating its folder', async () => {
    const file = path.join(dir, 'logs', 'main.log');
    const logger = createLogger(fileSink(file), () => new Date(Date.UTC(2026, 10, 23)));
    logger.info('started');
    logger.error('could not export for Maria Lopez, DOB 04/02/1961, ID 1234567A', { ...MEMBER }, ['Maria Lopez']);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('[info] started');
    expect(text).toContain(`[error] could not export for ${REDACTED}, DOB ${REDACTED}, ID ${REDACTED}`);
    expectNoMemberData(text);
  });

  it('moves a full log to main.1.log and starts a new one', async () => {
    const file = path.join(dir, 'main.log');
    const logger = createLogger(fileSink(file, 200));
    for (let i = 0; i < 6; i++) logger.info(`line ${i} ${'.'.repeat(40)}`);
    const older = await readFile(path.join(dir, 'main.1.log'), 'utf8');
    const current = await readFile(file, 'utf8');
    expect(older).toContain('line 0');
    expect(current).toContain('line 5');
    expect((await stat(file)).size).toBeLessThan(400);
  });

  it.skipIf(process.platform === 'win32')('creates the log readable by its owner only', async () => {
    const file = path.join(dir, 'main.log');
    createLogger(fileSink(file)).info('started');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('never throws when the log cannot be written', () => {
    const logger = createLogger(() => {
      throw new Error('disk full');
    });
    expect(() => logger.error('x')).not.toThrow();
  });
});
