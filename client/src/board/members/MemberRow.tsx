/**
 * One person in "People on this board": their first name and what they can do. For someone who
 * can organise the board, also "What Name can do" with Save, and "Remove Name from the board"
 * with a confirm step.
 */
import { createSignal, For, Show } from 'solid-js';
import type { Member } from '../../../../shared/api.ts';
import { accessLevels, type Access } from '../../../../shared/access.ts';
import { accessLabel } from '../../access-words.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { lastFacilitatorWords } from './member-errors.ts';

export interface MemberRowProps {
  boardId: string;
  member: Member;
  isYou: boolean;
  /** Whether the person looking may change access and remove people (they can organise). */
  canManage: boolean;
  /** After a change of access was saved. */
  onChanged: (member: Member) => void;
  /** After the person was removed. */
  onRemoved: (member: Member) => void;
}

export function MemberRow(props: MemberRowProps) {
  const { api } = useApp();
  const [choice, setChoice] = createSignal<Access>(props.member.access);
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const name = () => props.member.displayName;
  const key = () => `member-${props.member.id}`;
  let removeButton: HTMLButtonElement | undefined;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      props.onChanged(await api.updateMember(props.boardId, props.member.id, choice()));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(lastFacilitatorWords(err, props.isYou) ?? err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="member">
      <p class="member__name">
        <strong>{name()}</strong>
        {props.isYou ? ' (you)' : ''} <span class="member__access">— {accessLabel[props.member.access]}</span>
      </p>
      <Show when={props.canManage}>
        <form class="member__change" onSubmit={(event) => void save(event)}>
          <label for={`${key()}-access`}>What {name()} can do</label>
          <div class="member__change-row">
            <select
              id={`${key()}-access`}
              aria-describedby={`${key()}-error`}
              onChange={(event) => setChoice(event.currentTarget.value as Access)}
            >
              <For each={accessLevels}>{(access) => (
                  <option value={access} selected={access === choice()}>
                    {accessLabel[access]}
                  </option>
                )}</For>
            </select>
            <button type="submit" class="button button--secondary" aria-disabled={busy()}>
              Save
            </button>
          </div>
          <FormAlert id={`${key()}-error`} error={error()} />
        </form>
        <Show when={!props.isYou}>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="button button--danger" ref={removeButton} onClick={() => setConfirming(true)}>
                Remove {name()} from the board
              </button>
            }
          >
            <ConfirmStep
              id={`${key()}-remove`}
              question={`Remove ${name()} from the board?`}
              detail={`${name()} will not see this board any more. What they wrote stays on the board.`}
              yesLabel={`Yes, remove ${name()}`}
              noLabel={`No, keep ${name()}`}
              words={(err) => lastFacilitatorWords(err, false)}
              onYes={async () => {
                await api.removeMember(props.boardId, props.member.id);
                props.onRemoved(props.member);
              }}
              onNo={() => {
                setConfirming(false);
                requestAnimationFrame(() => removeButton?.focus());
              }}
            />
          </Show>
        </Show>
      </Show>
    </li>
  );
}
