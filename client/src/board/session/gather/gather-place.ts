/**
 * The place "Bring everyone here" takes a page to (issue 15): a card (its `data-touchpoint-id`
 * and title `touchpoint-<id>`) or a stage (its `data-stage-id` and heading `stage-<id>`), as the
 * board already marks them (see news/go-to-news.ts). Going there scrolls it to the top of the
 * view (under the pinned bar: pinned-bar.ts keeps the scroll padding) and puts keyboard focus on
 * its title, which is focusable only while it has focus (as "What's new" does it, so it never
 * counts as a target beside the controls under it). The message about the call sits just under
 * the title, so one Tab reaches "Stay where I am".
 */
import type { Gathered } from '../../../../../shared/session.ts';
import { cardTitleId } from '../../news/go-to-news.ts';
import { showMapFirst } from '../../method/show-map.ts';

type Target = Gathered['target'];

/** The card's or stage's box and its title, or null when it is not on the page. */
function placeOf(target: Target): { box: HTMLElement; title: HTMLElement } | null {
  const id = CSS.escape(target.id);
  const box = document.querySelector<HTMLElement>(target.type === 'touchpoint' ? `[data-touchpoint-id="${id}"]` : `[data-stage-id="${id}"]`);
  const title = document.getElementById(target.type === 'touchpoint' ? cardTitleId(target.id) : `stage-${target.id}`);
  return box === null || title === null ? null : { box, title };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const inView = (element: HTMLElement) => {
  const r = element.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
};

/**
 * Scrolls `target` into view and focuses its title; answers the title, or null when the place is
 * not on this page. Cards out of view are drawn only once scrolled to (content-visibility), which
 * can shift the page: it is checked again once drawn.
 */
export async function goToPlace(target: Target): Promise<HTMLElement | null> {
  await showMapFirst();
  const place = placeOf(target);
  if (place === null) return null;
  const { box, title } = place;
  title.tabIndex = -1;
  title.addEventListener('blur', () => title.removeAttribute('tabindex'), { once: true });
  box.scrollIntoView({ block: 'start', inline: 'nearest' });
  title.focus({ preventScroll: true });
  for (let frame = 0; frame < 3; frame++) await nextFrame();
  if (!inView(title)) box.scrollIntoView({ block: 'start', inline: 'nearest' });
  return title;
}

/** A place for the message just under `title` (after a card's "New" when shown). */
export function landingUnder(title: HTMLElement): HTMLElement {
  const container = document.createElement('div');
  container.className = 'gather-landing';
  const mark = title.getAttribute('aria-describedby');
  const after = (mark === null ? null : document.getElementById(mark)) ?? title;
  after.after(container);
  return container;
}
