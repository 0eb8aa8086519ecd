/**
 * The journey map as easy read (issue 17) shows it: one moment at a time (OneMoment.tsx), with
 * the whole map one button away ("Show the whole map", and back with "Show one moment at a
 * time"). Without easy read, the whole map as always. The button keeps focus as its words change.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { easyRead } from './easy-read-setting.ts';
import { OneMoment } from './OneMoment.tsx';
import './easy-read.css';

export function EasyReadMap(props: { children: JSX.Element }) {
  const board = useBoard();
  const [wholeMap, setWholeMap] = createSignal(false);
  const whole = () => !easyRead() || wholeMap();
  return (
    <>
      <Show when={easyRead()}>
        <div class="easy-map__switch">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              const next = !wholeMap();
              setWholeMap(next);
              board.announcer.say(next ? 'The whole map is shown.' : 'One moment at a time is shown.');
            }}
          >
            {wholeMap() ? 'Show one moment at a time' : 'Show the whole map'}
          </button>
        </div>
      </Show>
      <Show when={whole()} fallback={<OneMoment />}>
        {props.children}
      </Show>
    </>
  );
}
