import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CharCount } from './Field';

describe('CharCount', () => {
  it('counts quietly far from the limit, aloud near it, and says by how much to shorten past it', () => {
    const far = render(<CharCount length={12} limit={4000} />).container.firstElementChild;
    expect(far?.textContent).toBe('12 of 4,000 characters');
    expect(far?.getAttribute('aria-live')).toBe('off');
    const near = render(<CharCount length={3650} limit={4000} />).container.firstElementChild;
    expect(near?.getAttribute('aria-live')).toBe('polite');
    expect(near?.className).toBe('char-count near');
    const over = render(<CharCount length={4012} limit={4000} />).container.firstElementChild;
    expect(over?.textContent).toBe('4,012 of 4,000 characters: shorten it by 12');
  });
});
