import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LazyScreen, lazyScreen } from './lazyScreen';

function Hello({ name }: { name: string }) {
  return <h1>Hello {name}</h1>;
}

describe('LazyScreen (a lead tool or settings loaded when first opened)', () => {
  it('says it is opening until the code has loaded, then shows the screen with its props', async () => {
    let resolve: (c: typeof Hello) => void = () => undefined;
    const loader = lazyScreen(() => new Promise<typeof Hello>((ok) => (resolve = ok)));
    const first = render(<LazyScreen of={loader} props={{ name: 'Ada' }} />);
    expect(screen.getByRole('status').textContent).toBe('Opening…');
    resolve(Hello);
    expect((await screen.findByRole('heading')).textContent).toBe('Hello Ada');
    first.unmount();

    // Loaded once, it shows at once on the next opening: no "Opening…" in between.
    render(<LazyScreen of={loader} props={{ name: 'Grace' }} />);
    expect(screen.getByRole('heading').textContent).toBe('Hello Grace');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says why it could not open, and a later opening loads again', async () => {
    let calls = 0;
    const loader = lazyScreen(async () => {
      calls++;
      if (calls === 1) throw new Error('chunk missing');
      return Hello;
    });
    const first = render(<LazyScreen of={loader} props={{ name: 'Ada' }} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be opened: .*chunk missing[^.]*\. Reload the app/);
    first.unmount();
    render(<LazyScreen of={loader} props={{ name: 'Ada' }} />);
    expect((await screen.findByRole('heading')).textContent).toBe('Hello Ada');
    expect(calls).toBe(2);
  });
});
