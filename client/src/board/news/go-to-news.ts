/**
 * Taking the person to one new thing from the "What's new" list, by keyboard as much as by
 * pointer: a card — focus on its title (which says "New"); a comment — its comments opened in
 * place (and its sorted conversations, when it is in one) and focus on the comment itself. Uses the
 * ids and markers the board already has: the card's `touchpoint-<id>` heading and
 * `data-touchpoint-id`, a stage's `data-stage-id`, and the comment list's toggles.
 */
import { commentElementId } from '../comments/CommentItem.tsx';
import { showMapFirst } from '../method/show-map.ts';
import type { CommentTarget } from '../../../../shared/comment-read.ts';
import type { NewsItem } from './news-items.ts';

/** The id of a card's title, which takes focus when the list takes the person there. */
export const cardTitleId = (touchpointId: string): string => `touchpoint-${touchpointId}`;

/** The comments shown for `target`, or null when it is not on the page. */
function commentsOf(target: CommentTarget): Element | null {
  const id = CSS.escape(target.id);
  if (target.type === 'board') return document.querySelector('.board > .comments');
  if (target.type === 'stage') return document.querySelector(`[data-stage-id="${id}"] > section > .comments`);
  return document.querySelector(`[data-touchpoint-id="${id}"] .comments`);
}

/** Presses `selector`'s button inside `section` when it is there and folded. */
function unfold(section: Element, selector: string): void {
  const button = section.querySelector(selector);
  if (button instanceof HTMLButtonElement && button.getAttribute('aria-expanded') === 'false') button.click();
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Focuses `item` on the board and returns what has focus; null when it is no longer there. */
export async function goToNews(item: NewsItem): Promise<HTMLElement | null> {
  await showMapFirst();
  const focused = (element: HTMLElement | null) => {
    element?.focus();
    return element !== null && document.activeElement === element ? element : null;
  };
  if (item.kind === 'touchpoint') {
    // Focusable only while it has focus: a title always focusable counts as a target beside the
    // feeling faces under it (axe's target-size), which a person cannot click anyway.
    const title = document.getElementById(cardTitleId(item.id));
    if (title !== null) {
      title.tabIndex = -1;
      title.addEventListener('blur', () => title.removeAttribute('tabindex'), { once: true });
    }
    return focused(title);
  }
  const section = commentsOf(item.target);
  if (section === null) return null;
  const find = () => document.getElementById(commentElementId(item.id));
  unfold(section, '.comments__toggle');
  // Solid draws on the click, but give the page a few frames before looking into sorted conversations.
  for (let frame = 0; frame < 5 && find() === null; frame++) await nextFrame();
  if (find() === null) unfold(section, '.comments__sorted-toggle');
  for (let frame = 0; frame < 5 && find() === null; frame++) await nextFrame();
  return focused(find());
}
