import { useEffect } from 'react';
import { setLeaveGuard } from '../app/router';

export const LEAVE_MESSAGE = 'You have changes that are not saved. Leave this page and lose them?';

/**
 * While `dirty`, leaving the screen asks first: the app's own navigation (buttons, Alt+N), a click on a link
 * to another screen, and closing or reloading the window. The browser's Back button is not caught.
 */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const ask = () => window.confirm(LEAVE_MESSAGE);
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      if (!link || link.getAttribute('href') === window.location.hash) return;
      if (!ask()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    setLeaveGuard(ask);
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      setLeaveGuard(null);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty]);
}
