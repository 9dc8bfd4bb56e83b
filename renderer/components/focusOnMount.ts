/**
 * A ref callback that moves focus to a screen's heading when it appears, so keyboard and
 * screen-reader users land at the top of the new screen (and it scrolls into view).
 */
export const focusOnMount = (el: HTMLElement | null): void => {
  if (el && !el.contains(document.activeElement)) el.focus();
};
