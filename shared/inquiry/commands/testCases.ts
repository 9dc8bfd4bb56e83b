import { expect, it } from 'vitest';
import type { InquiryEvent } from '../events';
import type { InquiryRecord } from '../projection';
import type { CommandContext } from './context';
import { type Command, refusal } from './testKit';

/*
 * Shared test bodies for the command tests (not used by the app; kept apart from testKit so that
 * builders can be used without loading Vitest).
 */

/** One refusal case: what is refused, the record it is refused on, the input, and the exact [code, message]. */
export type RefusalCase<I> = [string, () => InquiryRecord, I, [string, string]];

/** A test per case: `command` refuses the input on the record in `ctx` with exactly that code and message. */
export function itRefuses<I>(command: Command<I, InquiryEvent>, ctx: CommandContext, cases: RefusalCase<I>[]): void {
  it.each(cases)('%s', (_, record, input, expected) => {
    expect(refusal(() => command(record(), input, ctx))).toEqual(expected);
  });
}
