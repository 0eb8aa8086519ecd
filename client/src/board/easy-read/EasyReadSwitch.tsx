/**
 * The "Easy read" switch in the board's toolbar (issue 17): a toggle button (aria-pressed) with a
 * tick box drawn beside its name, so its state shows without colour. It is kept on this device and
 * applies to every board opened here; its hint says so, and turning it on or off is said aloud.
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
        onClick={() => {
          const next = !easyRead();
          setEasyRead(next);
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
