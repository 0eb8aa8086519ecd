/**
 * The facilitator's switch for "Comment without my name" on this board (`meta.anonymousComments`
 * in the document; the server's guard lets only facilitators write it), with what it means in one
 * plain line. An Undo step like the title. Turning it off leaves comments already posted without a
 * name as they are.
 */
import { createUniqueId } from 'solid-js';
import { boardTypes } from '../../../../shared/board-document.ts';
import { useBoard } from '../board-context.ts';
import { localOrigin } from '../local-origin.ts';
import { useAnonymous } from './anonymous-context.ts';

export function AnonymousCommentsSetting() {
  const board = useBoard();
  const anonymous = useAnonymous();
  const id = createUniqueId();
  const set = (on: boolean) => {
    if (on === anonymous.allowed()) return;
    board.undo.step(() => board.doc.transact(() => boardTypes(board.doc).meta.set('anonymousComments', on), localOrigin));
    board.announcer.say(on ? 'People can now comment without their name.' : 'Comments now show who wrote them.');
  };
  return (
    <div class="field">
      <label class="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={anonymous.allowed()}
          aria-describedby={`${id}-hint`}
          onChange={(event) => set(event.currentTarget.checked)}
        />
        Let people comment without their name
      </label>
      <p class="hint" id={`${id}-hint`}>
        Their name is not shown to anyone, not even to you. It can help people say hard things.
      </p>
    </div>
  );
}
