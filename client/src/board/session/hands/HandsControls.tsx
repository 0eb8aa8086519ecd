/**
 * Raise a hand (issue 15), beside "Who is here": the toggle for everyone and, for facilitators,
 * the queue of raised hands under it. BoardPage puts it in the people row; the hands themselves
 * are followed once for the page (raised-hands.ts), which also marks them in "Who is here".
 */
import { HandsQueue } from './HandsQueue.tsx';
import { RaiseHandButton } from './RaiseHandButton.tsx';
import type { RaisedHands } from './raised-hands.ts';
import './hands.css';

export function HandsControls(props: { boardId: string; hands: RaisedHands }) {
  return (
    <div class="hands">
      <RaiseHandButton boardId={props.boardId} hands={props.hands} />
      <HandsQueue boardId={props.boardId} hands={props.hands} />
    </div>
  );
}
