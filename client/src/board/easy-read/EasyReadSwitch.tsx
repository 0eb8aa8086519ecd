/**
 * The "Easy read" switch in the board's toolbar (issue 17): a toggle button (aria-pressed) with a
 * tick box drawn beside its name, so its state shows without colour. It is kept on this device and
 * applies to every board opened here; its hint says so, and turning it on or off is said aloud.
 * The switch is kept in view after the sizes change, since it keeps focus.
 */
import { createUniqueId } from 'solid-js';
import { useBoard } from '../board-context.ts';
import { easyRead, setEasyRead } from './easy-read-setting.ts';
import './easy-read.css';

export function EasyReadSwitch() {
  const board = useBoard();
  const hintId = `easy-read-hint-${createUniqueId()}`;
  return (
    <>
      <button
        type="button"
        class="button button--secondary easy-read-switch"
        aria-pressed={easyRead() ? 'true' : 'false'}
        aria-describedby={hintId}
        onClick={(event) => {
          const next = !easyRead();
          const button = event.currentTarget;
          setEasyRead(next);
          // Bigger words move the toolbar down (a phone's page above it grows by half a screen):
          // bring the switch, which keeps focus, back to the middle of the window (its focus ring
          // whole) once the page is laid out again.
          requestAnimationFrame(() => button.scrollIntoView({ block: 'center' }));
          board.announcer.say(next ? 'Easy read is on, on this device. The map shows one moment at a time.' : 'Easy read is off, on this device.');
        }}
      >
        <span class="easy-read-switch__box" aria-hidden="true">
          {easyRead() ? '✓' : ''}
        </span>
        Easy read
      </button>
      <span id={hintId} class="visually-hidden">
        Bigger words and buttons, and one moment at a time. Kept on this device, for every board.
      </span>
    </>
  );
}
