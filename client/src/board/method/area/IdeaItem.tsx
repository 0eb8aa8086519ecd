/**
 * One idea of a co-design group (issue 16): its words, who added it, and its comments. The person
 * who added it (or a facilitator) may change its words or remove it; removing asks first, since it
 * cannot be undone.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { Idea, Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { CommentsSection } from '../../comments/CommentsSection.tsx';
import { authorWords } from '../../comments/comment-words.ts';
import { localOrigin } from '../../local-origin.ts';
import { ConfirmStep } from '../../members/ConfirmStep.tsx';
import { changeIdea, removeIdea } from './area-writes.ts';
import { methodNoteMaxLength } from '../../../../../shared/limits.ts';
import { WordsForm } from './WordsForm.tsx';
import { mayTouchOwn, type Who } from './may-work.ts';

/** "the idea “Text people when the clinic runs late”". */
export const ideaAbout = (body: string): string => {
  const words = body.trim();
  return `the idea “${words.length > 60 ? `${words.slice(0, 57)}…` : words || 'without words'}”`;
};

export function IdeaItem(props: { idea: Idea; priority: Priority; who: Who; afterRemove: () => void }) {
  const board = useBoard();
  const id = createUniqueId();
  const ids = { change: `${id}-change`, remove: `${id}-remove` };
  const [mode, setMode] = createSignal<'show' | 'change' | 'remove'>('show');
  const mine = () => mayTouchOwn(props.priority, props.idea.createdBy, props.who);
  const about = () => ideaAbout(props.idea.body);
  const back = (to: string) => {
    setMode('show');
    focusSoon(to);
  };

  return (
    <li class="idea">
      <Show
        when={mode() === 'change'}
        fallback={
          <>
            <p class="idea__body">{props.idea.body}</p>
            <p class="idea__by">Added by {authorWords(board.names.who, props.idea.createdBy)}</p>
            <Show when={mode() === 'remove'}>
              <ConfirmStep
                id={`${id}-confirm`}
                question={`Remove ${about()}?`}
                detail="It goes for everyone, with its comments, and cannot be brought back."
                yesLabel="Yes, remove it"
                noLabel="No, keep it"
                onYes={async () => {
                  const words = about();
                  if (!mine()) {
                    back(ids.remove);
                    board.announcer.say(`Nothing was removed: you can no longer remove ${words}.`);
                    return;
                  }
                  removeIdea(board.doc, props.idea.id, localOrigin);
                  board.announcer.say(`Removed ${words}.`);
                  props.afterRemove();
                }}
                onNo={() => back(ids.remove)}
              />
            </Show>
            <Show when={mode() === 'show' && mine()}>
              <div class="button-row">
                <button type="button" class="button button--secondary button--small" id={ids.change} onClick={() => setMode('change')}>
                  Change<span class="visually-hidden"> {about()}</span>
                </button>
                <button type="button" class="button button--danger button--small" id={ids.remove} onClick={() => setMode('remove')}>
                  Remove<span class="visually-hidden"> {about()}</span>
                </button>
              </div>
            </Show>
          </>
        }
      >
        <WordsForm
          start={props.idea.body}
          label="Your idea"
          maxLength={methodNoteMaxLength}
          emptyMessage="Please write the idea first."
          submitLabel="Save changes"
          onSave={(body) => {
            if (!mine()) {
              back(ids.change);
              board.announcer.say('Your changes were not saved: you can no longer change this idea.');
              return;
            }
            changeIdea(board.doc, props.idea.id, body, localOrigin);
            board.announcer.say('Changes to your idea saved.');
            back(ids.change);
          }}
          onCancel={() => back(ids.change)}
        />
      </Show>
      <CommentsSection target={{ type: 'idea', id: props.idea.id }} about={about()} />
    </li>
  );
}
