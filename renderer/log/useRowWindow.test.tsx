import { act, fireEvent, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stubLogViewport } from '../test/renderApp';
import { useRowWindow } from './useRowWindow';

const ROW = 40;

/** A scroll box (the class the viewport stub sizes: 600 px tall) holding `count` rows. */
function List({ count, jumpTo }: { count: number; jumpTo?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const view = useRowWindow(ref, count, ROW, 2);
  return (
    <div className="table-scroll" ref={ref} data-testid="scroll">
      <div style={{ height: view.totalHeight }} data-testid="body">
        {view.rows.map((r) => (
          <div key={r.index} data-index={r.index} style={{ top: r.start }} />
        ))}
      </div>
      {jumpTo !== undefined && (
        <button type="button" onClick={() => view.scrollToIndex(jumpTo)}>
          jump
        </button>
      )}
    </div>
  );
}

const shown = (c: HTMLElement) => [...c.querySelectorAll('[data-index]')].map((e) => Number((e as HTMLElement).dataset.index));

describe('useRowWindow', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = stubLogViewport(1200, 600);
  });
  afterEach(() => restore());

  it('puts only the rows in view and the overscan in the DOM, however long the list', () => {
    const { container, getByTestId } = render(<List count={100_000} />);
    // 600 px of 40 px rows: 0–14 in view, plus 2 below.
    expect(shown(container)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(getByTestId('body').style.height).toBe(`${100_000 * ROW}px`);
  });

  it('follows the scroll position, with the overscan either side', async () => {
    const { container, getByTestId } = render(<List count={100_000} />);
    const scroll = getByTestId('scroll');
    scroll.scrollTop = 40_000; // row 1,000 at the top
    await act(async () => {
      fireEvent.scroll(scroll);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    });
    const rows = shown(container);
    expect(rows[0]).toBe(998);
    expect(rows[rows.length - 1]).toBe(1016);
    const first = container.querySelector('[data-index="1000"]') as HTMLElement;
    expect(first.style.top).toBe('40000px');
  });

  it('shows every row of a short list and none of an empty one', () => {
    const { container, rerender } = render(<List count={5} />);
    expect(shown(container)).toEqual([0, 1, 2, 3, 4]);
    rerender(<List count={0} />);
    expect(shown(container)).toEqual([]);
  });

  it('scrolls the least distance that brings a row into view', () => {
    const { getByTestId, getByRole, rerender } = render(<List count={1000} jumpTo={500} />);
    const scroll = getByTestId('scroll');
    fireEvent.click(getByRole('button'));
    // Row 500 ends at 20,040 px: scrolled so it is the last one in the 600 px view.
    expect(scroll.scrollTop).toBe(500 * ROW + ROW - 600);
    rerender(<List count={1000} jumpTo={3} />);
    fireEvent.click(getByRole('button'));
    expect(scroll.scrollTop).toBe(3 * ROW);
  });
});
