/**
 * The way on after going to something from the "What's new" list (issue 13's walk-through: the
 * list had closed, and getting back took up to 66 Shift+Tab presses). Beside the thing the person
 * landed on — first inside a comment, just under a card's title and "New" — so one Tab reaches it:
 * "Next new thing (2 left)" goes straight to the next one in the board's order, and "Back to What’s
 * new" opens the list again. It goes once focus moves to anything else on the page (focus leaving
 * the window, or a tap on nothing, leaves it in place), and so does the landed thing's own "New".
 */
import { onCleanup, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { useNews } from './news-context.ts';

/** Where the person landed, and where the control is drawn beside it. */
export interface Landing {
  element: HTMLElement;
  container: HTMLElement;
}

/** Makes a place for the control beside `element` (a comment's item, or a card's title). */
export function landingBeside(element: HTMLElement): Landing {
  const container = document.createElement('div');
  container.className = 'news-return';
  if (element.tagName === 'LI') element.prepend(container);
  else {
    // A card's title: after its "New" (which describes the title) when shown.
    const mark = element.getAttribute('aria-describedby');
    const after = (mark === null ? null : document.getElementById(mark)) ?? element;
    after.after(container);
  }
  return { element, container };
}

export function NewsReturn(props: { landing: Landing; onNext: () => void; onBack: () => void; onLeave: () => void }) {
  const news = useNews();
  const left = () => news.items().length;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof Node && (props.landing.element.contains(target) || props.landing.container.contains(target))) return;
    props.onLeave();
  };
  document.addEventListener('focusin', onFocusIn);
  onCleanup(() => {
    document.removeEventListener('focusin', onFocusIn);
    props.landing.container.remove();
  });
  return (
    <Portal mount={props.landing.container}>
      <div class="button-row news-return__row">
        <Show when={left() > 0}>
          <button type="button" class="button button--small" onClick={() => props.onNext()}>
            Next new thing ({left()} left)
          </button>
        </Show>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onBack()}>
          Back to What’s new
        </button>
      </div>
    </Portal>
  );
}
