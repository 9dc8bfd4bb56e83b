import { type ComponentType, useEffect, useState } from 'react';
import { failureText } from '../../shared/errors';

/*
 * A screen whose code loads when it is first opened (the lead tools and settings: charts, spreadsheets), without
 * React.lazy and Suspense: a revealed Suspense boundary is held back until 300 ms after its fallback showed
 * (React's fallback throttle), so every first opening of a lead tool waited at least that long on "Opening…"
 * though its code had loaded in a few tens of milliseconds (issue 16: the Lead report took 1.2–1.9 s to open).
 * Here "Opening…" is plain state: the screen shows the moment its module has loaded, and once loaded it renders
 * at once on every later opening.
 */
export interface ScreenLoader<P extends object> {
  /** The screen, once its module has loaded (then it renders at once). */
  loaded(): ComponentType<P> | null;
  /** Loads the module (once; again after a failure). */
  preload(): Promise<ComponentType<P>>;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ScreenLoader<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return {
    loaded: () => loaded,
    preload() {
      pending ??= load().then(
        (component) => {
          loaded = component;
          return component;
        },
        (e: unknown) => {
          pending = null; // the next opening tries again
          throw e;
        },
      );
      return pending;
    },
  };
}

/** Renders a lazily loaded screen with its props: "Opening…" until its code has loaded, or why it could not. */
export function LazyScreen<P extends object>({ of, props }: { of: ScreenLoader<P>; props: P }) {
  const [Screen, setScreen] = useState<ComponentType<P> | null>(() => of.loaded());
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (Screen) return;
    let live = true;
    of.preload().then(
      (component) => {
        if (live) setScreen(() => component);
      },
      (e: unknown) => {
        if (live) setFailed(failureText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [of, Screen]);
  if (Screen) return <Screen {...props} />;
  if (failed)
    return (
      <p className="notice notice-error" role="alert">
        This screen could not be opened: {failed.replace(/\.+$/, '')}. Reload the app (Ctrl+R) and try again.
      </p>
    );
  return (
    <p className="loading" role="status">
      Opening…
    </p>
  );
}
