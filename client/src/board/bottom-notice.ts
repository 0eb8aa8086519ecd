/**
 * The "… deleted" notice with its Undo sits at the bottom of the window (styles.css `.undo-notice`),
 * where the person is, not by the toolbar far above the card they were on (issue 13's
 * walk-through). While it shows it must never hide what has keyboard focus (WCAG 2.4.11) nor the
 * end of the page: the page's `scroll-padding-bottom` makes browsers scroll a focused thing clear
 * of it, and as much padding under the page lets its last things scroll above it. Measured, since
 * its words wrap to more lines on a phone.
 */
import { onCleanup } from 'solid-js';

/** Space kept between the notice and whatever is scrolled into view above it. */
const gapPx = 8;

/** Keeps the page clear of `notice` at the bottom of the window while the calling component lives. */
export function keepClearOfBottomNotice(notice: HTMLElement): void {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    const space = window.innerHeight - notice.getBoundingClientRect().top + gapPx;
    root.style.scrollPaddingBottom = `${Math.ceil(space)}px`;
    document.body.style.paddingBottom = `${Math.ceil(space)}px`;
  });
  observer.observe(notice);
  onCleanup(() => {
    observer.disconnect();
    root.style.removeProperty('scroll-padding-bottom');
    document.body.style.removeProperty('padding-bottom');
  });
}
