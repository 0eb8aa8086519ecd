/**
 * The board's pinned status line must never hide what has keyboard focus. Browsers scroll a
 * focused element into view only as far as the window's edge, which is under a pinned bar; the
 * page's `scroll-padding-top` tells them to stop below it instead. The bar's height changes with
 * its words (one line when live, several when offline on a phone, more with a timer and a vote),
 * so it is measured, not guessed.
 *
 * A bar taller than a third of the window is not pinned at all: zoomed to 200 % on a phone, or
 * with big text, a pinned bar would take most of the screen and leave too little to read or to
 * show a focused control whole (WCAG 1.4.10 and 2.4.11). It then scrolls away with the page.
 */
import { onCleanup } from 'solid-js';

/** Space kept between the bar and whatever is scrolled into view under it. */
const gapPx = 8;
/** The most of the window's height a pinned bar may take. */
const mostOfWindow = 1 / 3;

/** Keeps the page's scroll padding equal to `bar`'s height, or unpins a bar too tall, while the calling component lives. */
export function keepFocusClearOf(bar: HTMLElement): void {
  const root = document.documentElement;
  const fit = () => {
    const height = Math.ceil(bar.getBoundingClientRect().height);
    const unpinned = height > window.innerHeight * mostOfWindow;
    bar.classList.toggle('board__bar--unpinned', unpinned);
    if (unpinned) root.style.removeProperty('scroll-padding-top');
    else root.style.scrollPaddingTop = `${height + gapPx}px`;
  };
  const observer = new ResizeObserver(fit);
  observer.observe(bar);
  // Zooming changes the window's height in CSS pixels, not only the bar's.
  window.addEventListener('resize', fit);
  onCleanup(() => {
    observer.disconnect();
    window.removeEventListener('resize', fit);
    root.style.removeProperty('scroll-padding-top');
  });
}
