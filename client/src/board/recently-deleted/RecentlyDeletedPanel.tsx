/**
 * "Recently deleted": a button with a count (shown to people who can edit, when something is in
 * it) that opens a modal <dialog> listing the stages and cards deleted in the last 30 days — what
 * each was, when and by whom (first name) — each with "Restore". People who can organise the
 * board can also "Empty recently deleted", after a confirmation: then it is gone for good. Escape
 * or "Close" shuts the dialog and focus returns to the button.
 */
import { createSignal, For, Show } from 'solid-js';
import { deletedEntries, purgeDeleted, recentlyDeletedDays } from '../../../../shared/recently-deleted.ts';
import { focusSoon, spokenTitle, useBoard } from '../board-context.ts';
import { addStageButtonId } from '../control-ids.ts';
import { localOrigin } from '../local-origin.ts';
import { ConfirmStep } from '../members/ConfirmStep.tsx';
import { createDeletedCount, createDeletedItems, type DeletedItem } from './deleted-items.ts';
import { restoreDeleted } from './restore.ts';
import { goneForGoodIn, timeAgo } from './time-words.ts';
import './recently-deleted.css';

/** Not the person's own Undo step: emptying cannot be undone by anyone. */
const emptyOrigin = Symbol('empty recently deleted');

/**
 * A restore that this person could not take back: undoing it would delete the item again in the
 * name of whoever deleted it, or delete a stage without organising the board, and the server
 * refuses both. Such a restore is not an Undo step; restoring loses nothing, so nothing is lost.
 */
const restoreOnlyOrigin = Symbol('restore, not an undo step');

const headingId = 'recently-deleted-heading';
const restoreButtonId = (id: string) => `restore-${id}`;
const cardWords = (count: number) => `${count} card${count === 1 ? '' : 's'}`;

export function RecentlyDeletedPanel() {
  const board = useBoard();
  const count = createDeletedCount(board.doc);
  const [open, setOpen] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [emptying, setEmptying] = createSignal(false);
  const [now, setNow] = createSignal(Date.now());
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  let heading: HTMLHeadingElement | undefined;

  function show() {
    setMessage('');
    setEmptying(false);
    setNow(Date.now());
    setOpen(true);
    dialog?.showModal();
    heading?.focus();
    void board.names.refresh();
  }

  const byWhom = (userId: string): string => {
    const who = board.names.who(userId);
    return who === null ? '' : ` by ${who}`;
  };

  const title = (item: DeletedItem) => spokenTitle(item.title, item.kind);

  function restore(item: DeletedItem, next: DeletedItem | undefined) {
    const undoable = item.deletedBy === board.userId && (item.kind === 'touchpoint' || board.canFacilitate());
    const origin = undoable ? localOrigin : restoreOnlyOrigin;
    if (!board.undo.step(() => restoreDeleted(board.doc, item.id, origin))) {
      setMessage(`“${title(item)}” could not be brought back. Please try again.`);
      return;
    }
    const place = item.place;
    setMessage(
      item.kind === 'stage'
        ? `“${title(item)}” is back on the board${item.cards > 0 ? `, with its ${cardWords(item.cards)}` : ''}.`
        : `“${title(item)}” is back in the stage “${spokenTitle(place?.stageTitle ?? '', 'stage')}”.`,
    );
    focusSoon(...(next !== undefined ? [restoreButtonId(next.id)] : []), headingId);
  }

  function empty() {
    const ids = deletedEntries(board.doc).map((entry) => entry.id);
    purgeDeleted(board.doc, ids, emptyOrigin);
    setEmptying(false);
    setMessage('Recently deleted is empty now. What was in it is gone for good.');
    heading?.focus();
  }

  return (
    <Show when={board.canEdit()}>
      <Show when={count() > 0 || open()}>
        <div class="recently-deleted-bar">
          <button type="button" class="button button--secondary" ref={opener} aria-haspopup="dialog" onClick={show}>
            Recently deleted ({count()})
          </button>
        </div>
      </Show>
      <dialog
        ref={dialog}
        class="dialog dialog--wide"
        aria-labelledby={headingId}
        onClose={() => {
          setOpen(false);
          if (opener?.isConnected) opener.focus();
          else focusSoon(addStageButtonId);
        }}
      >
        <Show when={open()}>
          <DeletedList
            heading={(el) => (heading = el)}
            message={message()}
            now={now()}
            byWhom={byWhom}
            onRestore={restore}
            facilitator={board.canFacilitate()}
            emptying={emptying()}
            onEmptying={setEmptying}
            onEmpty={empty}
            onClose={() => dialog?.close()}
          />
        </Show>
      </dialog>
    </Show>
  );
}

interface DeletedListProps {
  heading: (element: HTMLHeadingElement) => void;
  message: string;
  now: number;
  byWhom: (userId: string) => string;
  onRestore: (item: DeletedItem, next: DeletedItem | undefined) => void;
  facilitator: boolean;
  emptying: boolean;
  onEmptying: (emptying: boolean) => void;
  onEmpty: () => void;
  onClose: () => void;
}

/** The open panel's content; follows the document only while it is open. */
function DeletedList(props: DeletedListProps) {
  const board = useBoard();
  const items = createDeletedItems(board.doc);
  let emptyButton: HTMLButtonElement | undefined;
  const title = (item: DeletedItem) => spokenTitle(item.title, item.kind);

  const what = (item: DeletedItem): string => {
    if (item.kind === 'stage') return item.cards === 0 ? 'A stage, with no cards.' : `A stage, with its ${cardWords(item.cards)}.`;
    return item.fromStage === null ? 'A card from a stage that is gone.' : `A card from the stage “${spokenTitle(item.fromStage, 'stage')}”.`;
  };
  const when = (item: DeletedItem): string =>
    item.deletedAt === null
      ? `Deleted${props.byWhom(item.deletedBy)}.`
      : `Deleted ${timeAgo(item.deletedAt, props.now)}${props.byWhom(item.deletedBy)}. It will be gone for good ${goneForGoodIn(item.deletedAt, props.now)}.`;

  return (
    <div class="dialog__content">
      <h2 id={headingId} tabIndex={-1} ref={props.heading}>
        Recently deleted
      </h2>
      <p>
        Stages and cards deleted in the last {recentlyDeletedDays} days, with their stories and feelings. Anyone who can
        change this board can bring them back. After {recentlyDeletedDays} days they are gone for good.
      </p>
      <p role="status" class="recently-deleted__status">
        {props.message}
      </p>
      <Show when={items().length > 0} fallback={<p>There is nothing here now.</p>}>
        <ul class="recently-deleted" aria-labelledby={headingId}>
          <For each={items()}>
            {(item, index) => (
              <li class="recently-deleted__item">
                <h3 class="recently-deleted__title">{title(item)}</h3>
                <p>{what(item)}</p>
                <p>{when(item)}</p>
                <Show when={item.kind === 'touchpoint' && item.place?.moved}>
                  <p>
                    Its stage is not on the board, so Restore puts it at the end of the first stage, “
                    {spokenTitle(item.place?.stageTitle ?? '', 'stage')}”.
                  </p>
                </Show>
                <Show
                  when={item.kind === 'stage' || item.place !== null}
                  fallback={<p>There is no stage to put it in. Add a stage first, or restore its stage.</p>}
                >
                  <button
                    type="button"
                    class="button button--small"
                    id={restoreButtonId(item.id)}
                    aria-label={`Restore ${item.kind === 'stage' ? 'stage' : 'card'}: ${title(item)}`}
                    onClick={() => props.onRestore(item, items()[index() + 1] ?? items()[index() - 1])}
                  >
                    Restore
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.facilitator}>
          <div class="recently-deleted__empty">
            <Show
              when={props.emptying}
              fallback={
                <button type="button" class="button button--danger" ref={emptyButton} onClick={() => props.onEmptying(true)}>
                  Empty recently deleted
                </button>
              }
            >
              <ConfirmStep
                id="empty-recently-deleted"
                question="Delete everything in Recently deleted for good?"
                detail={`${items().length === 1 ? 'The 1 thing here' : `All ${items().length} things here`}, with their cards, stories, feelings and comments, will be gone for good. Nobody can bring them back.`}
                yesLabel="Yes, delete for good"
                noLabel="No, keep them"
                onYes={async () => props.onEmpty()}
                onNo={() => {
                  props.onEmptying(false);
                  requestAnimationFrame(() => emptyButton?.focus());
                }}
              />
            </Show>
          </div>
        </Show>
      </Show>
      <button type="button" class="button" onClick={() => props.onClose()}>
        Close
      </button>
    </div>
  );
}
