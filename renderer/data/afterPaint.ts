/** Resolves after the next frame has painted (or soon, where frames are not drawn: a hidden window, tests). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function') return done();
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      done();
    });
  });
}
