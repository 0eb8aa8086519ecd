/**
 * The board's pinned status line must never hide what has keyboard focus. Browsers scroll a
 * focused element into view only as far as the window's edge, which is under a pinned bar; the
 * page's `scroll-padding-top` tells them to stop below it instead. The bar's height changes with
 * its words (one line when live, several when offline on a phone), so it is measured, not guessed.
 */
import { onCleanup } from 'solid-js';

/** Space kept between the bar and whatever is scrolled into view under it. */
const gapPx = 8;

/** Keeps the page's scroll padding equal to `bar`'s height while the calling component lives. */
export function keepFocusClearOf(bar: HTMLElement): void {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    root.style.scrollPaddingTop = `${Math.ceil(bar.getBoundingClientRect().height) + gapPx}px`;
  });
  observer.observe(bar);
  onCleanup(() => {
    observer.disconnect();
    root.style.removeProperty('scroll-padding-top');
  });
}
