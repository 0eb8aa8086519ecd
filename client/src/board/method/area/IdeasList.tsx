/**
 * A co-design group's ideas for its priority area (issue 16), oldest first, with "Add an idea" for
 * the people who may (facilitators, and the group's members who can edit).
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Idea, Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { localOrigin } from '../../local-origin.ts';
import { addIdea } from './area-writes.ts';
import { methodNoteMaxLength } from '../../../../../shared/limits.ts';
import { WordsForm } from './WordsForm.tsx';
import { IdeaItem } from './IdeaItem.tsx';
import { mayWork, type Who } from './may-work.ts';

export function IdeasList(props: { priority: Priority; ideas: readonly Idea[]; who: Who }) {
  const board = useBoard();
  const id = createUniqueId();
  const ids = { heading: `${id}-heading`, add: `${id}-add` };
  const [adding, setAdding] = createSignal(false);
  const may = () => mayWork(props.priority, props.who);
  return (
    <section class="area__part" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} tabindex="-1">
        Ideas
      </h3>
      <Show when={props.ideas.length > 0} fallback={<p>No ideas yet.</p>}>
        <ul class="ideas" aria-label="Ideas">
          <For each={props.ideas}>{(idea) => <IdeaItem idea={idea} priority={props.priority} who={props.who} afterRemove={() => focusSoon(ids.add, ids.heading)} />}</For>
        </ul>
      </Show>
      <Show when={may()}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="button button--secondary" id={ids.add} onClick={() => setAdding(true)}>
              Add an idea
            </button>
          }
        >
          <div class="area__form" role="group" aria-label="New idea">
            <WordsForm
              start=""
              label="Your idea"
          maxLength={methodNoteMaxLength}
          emptyMessage="Please write the idea first."
              submitLabel="Add this idea"
              onSave={(body) => {
                setAdding(false);
                if (!may()) {
                  board.announcer.say('The idea was not added: you can no longer change this plan.');
                  return;
                }
                addIdea(board.doc, { priorityId: props.priority.id, body, createdBy: board.userId }, localOrigin);
                board.announcer.say('Your idea is added.');
                focusSoon(ids.add);
              }}
              onCancel={() => {
                setAdding(false);
                focusSoon(ids.add);
              }}
            />
          </div>
        </Show>
      </Show>
    </section>
  );
}
