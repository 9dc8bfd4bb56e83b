import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testClock } from '../test/fixtures';
import { DataContext, type DataServices } from './hooks';
import { useNow } from './useNow';

function Now({ record }: { record: object }) {
  const now = useNow({ freshWhen: record });
  return <p>{new Date(now).toISOString()}</p>;
}

describe('useNow', () => {
  it('reads the clock again as soon as the record it is fresh for changes, without waiting for its tick', () => {
    const clock = testClock('2026-11-24T14:05:00.000Z');
    const services = { clock } as unknown as DataServices;
    const first = {};
    const { rerender } = render(
      <DataContext.Provider value={services}>
        <Now record={first} />
      </DataContext.Provider>,
    );
    expect(screen.getByRole('paragraph').textContent).toBe('2026-11-24T14:05:00.000Z');

    clock.set('2026-11-24T14:05:20.000Z');
    rerender(
      <DataContext.Provider value={services}>
        <Now record={first} />
      </DataContext.Provider>,
    );
    // The same record: the 30-second tick decides, so a re-render alone keeps the time it had.
    expect(screen.getByRole('paragraph').textContent).toBe('2026-11-24T14:05:00.000Z');

    rerender(
      <DataContext.Provider value={services}>
        <Now record={{}} />
      </DataContext.Provider>,
    );
    expect(screen.getByRole('paragraph').textContent).toBe('2026-11-24T14:05:20.000Z');
  });
});
