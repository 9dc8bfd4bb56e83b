import { describe, expect, it } from 'vitest';
import { DomainError, failureText, PlainWordsError } from './errors';

describe('failureText: what a person reads about a failure', () => {
  it('keeps a domain message, which is already written for people', () => {
    expect(failureText(new DomainError('validation', 'Choose the MCO to refer to.'))).toBe('Choose the MCO to refer to.');
  });

  it('adds what to do for the codes whose message alone leaves a person stuck', () => {
    const text = failureText(new DomainError('not_found', 'No inquiry 261207-AB-3'));
    expect(text).toBe('No inquiry 261207-AB-3. It may not have reached this desk yet: go back to the log and open it again.');
    expect(failureText(new DomainError('storage', 'The write failed.'))).toMatch(/Nothing was stored/);
  });

  it('names storage failures by their kind, from a DOMException or a Dexie error alike', () => {
    expect(failureText(new DOMException('quota', 'QuotaExceededError'))).toMatch(/^The disk is full/);
    const dexieLike = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    expect(failureText(dexieLike)).toMatch(/restart the app/);
  });

  it("reads a bulk write's first failure", () => {
    const bulk = Object.assign(new Error('2 of 50 failed'), { name: 'BulkError', failures: [new DOMException('', 'ConstraintError')] });
    expect(failureText(bulk)).toMatch(/same key/);
  });

  it('calls anything else unexpected, with its own words as the detail', () => {
    expect(failureText(new TypeError('x is undefined'))).toBe('Something unexpected went wrong (x is undefined).');
    expect(failureText(undefined)).toBe('Something unexpected went wrong.');
    expect(failureText('offline')).toBe('Something unexpected went wrong (offline).');
  });
});

describe('failureText: other errors written for people', () => {
  it('shows the message of any PlainWordsError as it is', () => {
    class FileRefused extends PlainWordsError {}
    expect(failureText(new FileRefused('This file is not a Liaison Log full export. Choose another file.'))).toBe(
      'This file is not a Liaison Log full export. Choose another file.',
    );
  });
});
