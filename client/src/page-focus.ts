/**
 * Focus and title handling for a single-page app: after the page changes without a reload,
 * screen readers and keyboard users would otherwise be left on a button that no longer exists.
 */
import { createEffect } from 'solid-js';

/** Moves focus to the main heading (after the DOM has updated), so the new page is read out. */
export function focusMainHeading(): void {
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading === null) return;
    heading.tabIndex = -1;
    heading.focus();
  });
}

/** Keeps the browser tab's title in step with the page, ending in the product's name. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} – Common Ground`;
  });
}
