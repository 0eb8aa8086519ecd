/**
 * The messages of "Bring everyone here" (issue 15). At the top of the page, in the pinned bar so
 * it is in sight wherever the person is: for someone staying where they are, "Fay brought
 * everyone to ‘Waiting for results’" with "Go there"; for the facilitator, "You brought everyone
 * to …" (or why it did not work); each with "Hide message", which puts focus back where it came
 * from. And, just under the title of the place a page was taken to, the same words with "Stay
 * where I am" — one Tab from the title that has focus — which goes once focus moves elsewhere.
 * What is shown is also said politely (gathering.ts).
 */
import { onCleanup, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { stayingWords } from './gather-rules.ts';
import { useGathering } from './gathering-context.tsx';
import type { Landing } from './gathering.ts';
import './gather.css';

function GatherLanding(props: { landing: () => Landing }) {
  const gathering = useGathering();
  const onFocusIn = (event: FocusEvent) => {
    const { title, container } = props.landing();
    if (event.target instanceof Node && (title.contains(event.target) || container.contains(event.target))) return;
    gathering.leaveLanding();
  };
  document.addEventListener('focusin', onFocusIn);
  onCleanup(() => document.removeEventListener('focusin', onFocusIn));
  return (
    <Portal mount={props.landing().container}>
      <div class="gather-landing__box">
        <Show
          when={!props.landing().stayed}
          fallback={
            <p class="gather-landing__words" tabindex="-1" ref={(words) => queueMicrotask(() => words.focus())}>
              {stayingWords}
            </p>
          }
        >
          <p class="gather-landing__words">{props.landing().words}</p>
          <button type="button" class="button button--secondary button--small" onClick={() => gathering.stay()}>
            Stay where I am
          </button>
        </Show>
      </div>
    </Portal>
  );
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The message makes the pinned bar taller; the page keeps its place under it, so whatever had
 * focus just below the bar may now be under it (WCAG 2.4.11). Once the bar's new height is in the
 * page's scroll padding (pinned-bar.ts), focus is brought just clear of it — a nudge, not a move.
 */
async function keepFocusInSight(message: HTMLElement): Promise<void> {
  await nextFrame();
  await nextFrame();
  const focused = document.activeElement;
  const bar = message.closest('.board__bar');
  if (!(focused instanceof HTMLElement) || focused === document.body || bar === null || bar.contains(focused)) return;
  if (focused.getBoundingClientRect().top < bar.getBoundingClientRect().bottom) focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export function GatherNotice() {
  const gathering = useGathering();
  // Where focus was before it came into the message, to go back there when it is hidden.
  let cameFrom: HTMLElement | null = null;
  const hide = () => {
    gathering.hideNotice();
    const back = cameFrom !== null && cameFrom.isConnected ? cameFrom : document.querySelector<HTMLElement>('h1');
    if (back !== null && back.tabIndex < 0 && !back.hasAttribute('tabindex')) back.tabIndex = -1;
    back?.focus();
  };
  return (
    <>
      <Show when={gathering.notice()}>
        {(notice) => (
          <div
            ref={(message) => void keepFocusInSight(message)}
            class="gather-notice"
            classList={{ 'gather-notice--failed': notice().kind === 'failed' }}
            onFocusIn={(event) => {
              const from = event.relatedTarget;
              if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom = from;
            }}
          >
            <p class="gather-notice__words">{notice().kind === 'told' ? `${notice().words}.` : notice().words}</p>
            <div class="button-row">
              <Show when={notice().kind === 'told'}>
                <button type="button" class="button button--small" onClick={() => gathering.goThere()}>
                  Go there
                </button>
              </Show>
              <button type="button" class="button button--secondary button--small" onClick={hide}>
                Hide message
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={gathering.landing()}>{(landing) => <GatherLanding landing={landing} />}</Show>
    </>
  );
}
