/**
 * An area's before-and-after note at the review (issue 16): what is different now, in the group's
 * words. The group's members who can edit, and facilitators, write and change it (the server's
 * guard allows no one else); everyone sees it.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { beforeAfterMaxLength } from '../../../../../shared/limits.ts';
import type { Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { localOrigin } from '../../local-origin.ts';
import { changeBeforeAfter } from '../area/area-writes.ts';
import { mayWork, type Who } from '../area/may-work.ts';
import { WordsForm } from '../area/WordsForm.tsx';

export function BeforeAfterNote(props: { priority: Priority; who: Who }) {
  const board = useBoard();
  const id = createUniqueId();
  const [changing, setChanging] = createSignal(false);
  const empty = () => props.priority.beforeAfter.trim() === '';
  const back = () => {
    setChanging(false);
    focusSoon(`${id}-change`);
  };
  return (
    <div class="before-after">
      <Show
        when={changing()}
        fallback={
          <>
            <Show when={!empty()} fallback={<p class="before-after__none">No before-and-after note yet.</p>}>
              <p class="before-after__words">{props.priority.beforeAfter}</p>
            </Show>
            <Show when={mayWork(props.priority, props.who)}>
              <button type="button" class="button button--secondary button--small" id={`${id}-change`} onClick={() => setChanging(true)}>
                {empty() ? 'Write the before-and-after note' : 'Change the before-and-after note'}
                <span class="visually-hidden"> for “{props.priority.title.trim()}”</span>
              </button>
            </Show>
          </>
        }
      >
        <WordsForm
          start={props.priority.beforeAfter}
          label="Before and after"
          hint="What was it like before, and what is different now?"
          maxLength={beforeAfterMaxLength}
          rows={5}
          submitLabel="Save the note"
          onSave={(words) => {
            if (!mayWork(props.priority, props.who)) {
              board.announcer.say('The note was not saved: you can no longer change it.');
              back();
              return;
            }
            changeBeforeAfter(board.doc, props.priority.id, words, localOrigin);
            board.announcer.say('The before-and-after note is saved.');
            back();
          }}
          onCancel={back}
        />
      </Show>
    </div>
  );
}
