/*
 * The page's one polite live region (in the shell: #announcer): what a person did is said to a screen reader when the
 * focus moves somewhere that does not say it (a step form closed: "First contact recorded").
 */

export const ANNOUNCER_ID = 'announcer';

export function announce(text: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Emptied first, so the same words said twice are said twice.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = text;
  });
}

/**
 * After a step is recorded, the focus goes to the timeline's new entry once it shows (the timeline reads the store
 * after the save), or, if none comes within a second, to `fallback` (the step's button) when it is still on the page;
 * unless the screen has put the focus somewhere itself meanwhile.
 */
export function focusNewEntry(before: Element | null, fallback: HTMLElement | null): void {
  const started = performance.now();
  const look = () => {
    // The screen put the focus somewhere itself (a panel's own button): it stays there.
    if (document.activeElement && document.activeElement !== document.body) return;
    const first = document.querySelector<HTMLElement>('.timeline-list > li:first-child');
    if (first && first !== before) {
      first.tabIndex = -1;
      first.focus();
      return;
    }
    if (performance.now() - started < 1000) requestAnimationFrame(look);
    else if (fallback?.isConnected) fallback.focus();
  };
  requestAnimationFrame(look);
}
