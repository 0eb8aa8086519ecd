/**
 * When something new counts as seen on this visit: once the person has been on it and moved on.
 * A card: focus was inside it and left it. A comment: focus was inside the comments it is shown
 * in (its card's, its stage's or the whole board's) while it was shown, and left them — so its
 * "New" stays in view while it is being read, and clicking "Hide comments" counts as having read
 * them. Follows focus for the whole page from one pair of listeners; the DOM it reads is the
 * cards' `data-touchpoint-id`, and the comment lists' `.comments` and `li.comment#comment-<id>`.
 */
import type { NewsKind } from './board-news.ts';

const commentPrefix = 'comment-';

/** The ids of the comments shown inside `section`. */
function commentsIn(section: Element): string[] {
  return [...section.querySelectorAll(`li.comment[id^="${commentPrefix}"]`)].map((element) => element.id.slice(commentPrefix.length));
}

/** Starts following focus on `root`; returns what stops it. */
export function followVisits(root: Document | HTMLElement, seen: (kind: NewsKind, id: string) => void): () => void {
  // Per comments section: the comments shown in it while focus was there.
  const shown = new WeakMap<Element, Set<string>>();
  const note = (section: Element) => {
    const ids = shown.get(section) ?? new Set<string>();
    for (const id of commentsIn(section)) ids.add(id);
    shown.set(section, ids);
  };
  const onFocusIn = (event: Event) => {
    if (!(event.target instanceof Element)) return;
    const section = event.target.closest('.comments');
    if (section !== null) note(section);
  };
  const onFocusOut = (event: Event) => {
    const { target, relatedTarget } = event as FocusEvent;
    if (!(target instanceof Element)) return;
    const stays = (element: Element) => relatedTarget instanceof Node && element.contains(relatedTarget);
    const section = target.closest('.comments');
    if (section !== null && !stays(section)) {
      note(section);
      for (const id of shown.get(section) ?? []) seen('comment', id);
      shown.delete(section);
    }
    const card = target.closest('[data-touchpoint-id]');
    const cardId = card?.getAttribute('data-touchpoint-id');
    if (card && cardId && !stays(card)) seen('touchpoint', cardId);
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
  };
}
