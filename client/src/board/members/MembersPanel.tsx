/**
 * "People on this board": a button that opens a modal <dialog> listing everyone on the board by
 * first name with what they can do (never a role). People who can organise the board change
 * access, remove people and manage invite links here; everyone can "Leave this board". Escape
 * or "Close" shuts it and focus returns to the button.
 */
import { createSignal, For, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { Member } from '../../../../shared/api.ts';
import { canFacilitate, type Access } from '../../../../shared/access.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { InvitesSection } from './InvitesSection.tsx';
import { lastFacilitatorWords } from './member-errors.ts';
import { MemberRow } from './MemberRow.tsx';
import { accessLabel } from '../../access-words.ts';

export interface MembersPanelProps {
  boardId: string;
  /** The signed-in person's id, to mark "(you)" and to leave. */
  userId: string;
  /** What the signed-in person can do here; null while unknown (nothing to manage then). */
  access: Access | null;
  /** Called when the signed-in person's own access was changed here. */
  onMyAccessChange: (access: Access) => void;
}

export function MembersPanel(props: MembersPanelProps) {
  const { api, boards } = useApp();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const [members, setMembers] = createSignal<Member[]>([]);
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [message, setMessage] = createSignal('');
  const [leaving, setLeaving] = createSignal(false);
  const manager = () => props.access !== null && canFacilitate(props.access);
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  let leaveButton: HTMLButtonElement | undefined;

  async function reload() {
    try {
      setMembers(await api.listMembers(props.boardId));
      setLoadError(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
    }
  }

  function show() {
    setMessage('');
    setLeaving(false);
    setOpen(true);
    dialog?.showModal();
    heading?.focus();
    void reload();
  }

  function changed(member: Member) {
    setMembers((list) => list.map((m) => (m.id === member.id ? member : m)));
    setMessage(`Saved. What ${member.displayName} can do now: ${accessLabel[member.access]}.`);
    if (member.id === props.userId) props.onMyAccessChange(member.access);
  }

  function removed(member: Member) {
    setMembers((list) => list.filter((m) => m.id !== member.id));
    setMessage(`${member.displayName} was removed from the board.`);
    heading?.focus();
  }

  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        ref={opener}
        aria-haspopup="dialog"
        onClick={show}
      >
        People on this board
      </button>
      <dialog
        ref={dialog}
        class="dialog dialog--wide"
        aria-labelledby="members-heading"
        onClose={() => {
          setOpen(false);
          opener?.focus();
        }}
      >
        <Show when={open()}>
          <div class="dialog__content">
            <h2 id="members-heading" tabIndex={-1} ref={heading}>
              People on this board
            </h2>
            <p>Only these people can see the board and what is written on it.</p>
            <p role="status" class="members__status">
              {message()}
            </p>
            <Show when={loadError()}>
              {(error) => (
                <div role="alert" class="form-alert form-alert--shown">
                  <p>{error().message}</p>
                  <button type="button" class="button button--secondary" onClick={() => void reload()}>
                    Try again
                  </button>
                </div>
              )}
            </Show>
            <ul class="members" aria-labelledby="members-heading">
              <For each={members()}>
                {(member) => (
                  <MemberRow
                    boardId={props.boardId}
                    member={member}
                    isYou={member.id === props.userId}
                    canManage={manager()}
                    onChanged={changed}
                    onRemoved={removed}
                  />
                )}
              </For>
            </ul>
            <Show when={manager()}>
              <InvitesSection boardId={props.boardId} say={setMessage} />
            </Show>
            <div class="leave">
              <p>You can leave this board at any time.</p>
              <Show
                when={leaving()}
                fallback={
                  <button type="button" class="button button--danger" ref={leaveButton} onClick={() => setLeaving(true)}>
                    Leave this board
                  </button>
                }
              >
                <ConfirmStep
                  id="leave-board"
                  question="Leave this board?"
                  detail="You will not see this board any more, unless someone invites you again. What you wrote stays on the board."
                  yesLabel="Yes, leave the board"
                  noLabel="No, stay"
                  words={(err) => lastFacilitatorWords(err, true)}
                  onYes={async () => {
                    await api.removeMember(props.boardId, props.userId);
                    dialog?.close();
                    void boards.reload();
                    navigate('/');
                  }}
                  onNo={() => {
                    setLeaving(false);
                    requestAnimationFrame(() => leaveButton?.focus());
                  }}
                />
              </Show>
            </div>
            <button type="button" class="button" onClick={() => dialog?.close()}>
              Close
            </button>
          </div>
        </Show>
      </dialog>
    </>
  );
}
