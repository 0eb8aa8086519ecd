/** Geometry checks on the board page, measured in Chromium with getBoundingClientRect. */
import type { Page } from 'playwright-core';

/**
 * Everything that sticks out of its touchpoint card's stage column, in words (empty: nothing).
 * First every card's own box is measured, before anything can make Chromium lay out a card's
 * skipped (content-visibility) contents; then, for cards that are rendered, every element inside
 * is checked against the card, since a card's paint containment would cut off whatever sticks
 * out (the way the "Very good" option was hidden). Also reports sideways scrolling of the page or
 * of the stages.
 */
export function cardsOutsideColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slack = 0.5;
    const inner = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { left: r.left + parseFloat(style.borderLeftWidth), right: r.right - parseFloat(style.borderRightWidth) };
    };
    const cards = [...document.querySelectorAll<HTMLElement>('.stage .touchpoint')].map((card) => ({
      card,
      box: card.getBoundingClientRect(),
      column: inner(card.closest('.stage')!),
    }));
    for (const { card, box, column } of cards) {
      if (box.left < column.left - slack || box.right > column.right + slack)
        problems.push(`card ${card.dataset['touchpointId']} spans ${box.left}–${box.right}, its column ${column.left}–${column.right}`);
    }
    for (const { card, box } of cards) {
      const first = card.firstElementChild;
      if (first === null || !first.checkVisibility({ contentVisibilityAuto: true })) continue; // not rendered yet
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) continue; // visually hidden text, empty spans
        if (r.left < box.left - slack || r.right > box.right + slack) {
          const what = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
          problems.push(`in card ${card.dataset['touchpointId']}: ${what} spans ${r.left}–${r.right}, the card ${box.left}–${box.right}`);
        }
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    const stages = document.querySelector('.stages-scroll');
    if (stages !== null && stages.scrollWidth > stages.clientWidth)
      problems.push(`the stages scroll sideways by ${stages.scrollWidth - stages.clientWidth}px`);
    return problems;
  });
}

/** How many cards are rendered (not skipped by content-visibility) right now. */
export function renderedCards(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('.touchpoint')].filter((card) => card.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }))
        .length,
  );
}

/**
 * Scrolls the page to the bottom a screen at a time, calling `check` at each stop once two frames
 * have been drawn (content-visibility renders the cards that came into view).
 */
export async function scrollThrough(page: Page, check: (at: number) => Promise<void>): Promise<void> {
  for (let stop = 0; ; stop++) {
    const { y, more } = await page.evaluate(async () => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return { y: window.scrollY, more: window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1 };
    });
    await check(y);
    if (!more || stop > 400) return;
  }
}
