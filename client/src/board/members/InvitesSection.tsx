/**
 * "Invite people", for people who can organise the board: "Make an invite link" (what people can
 * do, how long it works, how many people can use it), the new link shown once with "Copy link",
 * and the links that still work, each with "Stop this link".
 */
import { createSignal, For, Show } from 'solid-js';
import type { CreatedInvite, Invite } from '../../../../shared/api.ts';
import { inviteAccessLevels, type InviteAccess } from '../../../../shared/access.ts';
import { accessExplained, accessLabel } from '../../access-words.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { CreatedLink } from './CreatedLink.tsx';

export interface InvitesSectionProps {
  boardId: string;
  /** Says something in the panel's polite live region. */
  say: (message: string) => void;
}

/** What a new link gives unless the facilitator chooses otherwise. */
const defaultInviteAccess: InviteAccess = 'edit';

const durations = [
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '7 days' },
  { hours: 24 * 30, label: '30 days' },
] as const;

/** Whether people can still join with this invite. */
export function inviteWorks(invite: Invite, now = Date.now()): boolean {
  if (invite.revokedAt !== null) return false;
  if (Date.parse(invite.expiresAt) <= now) return false;
  return invite.maxUses === null || invite.uses < invite.maxUses;
}

/** "Can look · works until 30 November 2026 · used by 1 of 5 people". */
function describe(invite: Invite): string {
  const until = new Date(invite.expiresAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  const used = invite.uses === 1 ? '1 person' : `${invite.uses} people`;
  const uses =
    invite.maxUses === null ? `used by ${used} so far` : `used by ${invite.uses} of ${invite.maxUses} people`;
  return `${accessLabel[invite.access]} · works until ${until} · ${uses}`;
}

export function InvitesSection(props: InvitesSectionProps) {
  const { api } = useApp();
  const [invites, setInvites] = createSignal<Invite[]>([]);
  const [listError, setListError] = createSignal<ApiError | null>(null);
  const [formError, setFormError] = createSignal<ApiError | string | null>(null);
  const [created, setCreated] = createSignal<CreatedInvite | null>(null);
  const [busy, setBusy] = createSignal(false);
  const working = () => invites().filter((invite) => inviteWorks(invite));
  const key = (id: string) => `invite-${id}`;

  async function reload() {
    try {
      setInvites(await api.listInvites(props.boardId));
      setListError(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setListError(err);
    }
  }
  void reload();

  async function make(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    if (busy()) return;
    const data = new FormData(event.currentTarget);
    const access = inviteAccessLevels.find((level) => level === data.get('access')) ?? defaultInviteAccess;
    const hours = Number(data.get('expiresInHours'));
    const rawUses = String(data.get('maxUses') ?? '').trim();
    const maxUses = rawUses === '' ? undefined : Number(rawUses);
    if (maxUses !== undefined && (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 1000)) {
      setFormError('Please write a whole number from 1 to 1000, or leave the box empty.');
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const made = await api.createInvite(props.boardId, { access, expiresInHours: hours, maxUses });
      setCreated(made);
      setInvites((list) => [made.invite, ...list.filter((invite) => invite.id !== made.invite.id)]);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  async function stop(invite: Invite) {
    try {
      await api.revokeInvite(props.boardId, invite.id);
      if (created()?.invite.id === invite.id) setCreated(null);
      await reload();
      props.say('The link was stopped. Nobody new can join with it.');
      requestAnimationFrame(() => document.getElementById('invites-heading')?.focus());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      props.say(err.message);
    }
  }

  return (
    <section class="invites" aria-labelledby="invites-heading">
      <h3 id="invites-heading" tabIndex={-1}>
        Invite people
      </h3>
      <p>Anyone with an invite link can join this board. They only need to give their first name.</p>
      <form class="invite-form" aria-labelledby="make-invite-heading" novalidate onSubmit={(event) => void make(event)}>
        <h4 id="make-invite-heading">Make an invite link</h4>
        <fieldset class="choices">
          <legend>What can people do with this link?</legend>
          <For each={inviteAccessLevels}>
            {(level) => (
              <div class="choice">
                <label class="checkbox">
                  <input
                    type="radio"
                    name="access"
                    value={level}
                    checked={level === defaultInviteAccess}
                    aria-describedby={`invite-access-${level}-hint`}
                  />
                  {accessLabel[level]}
                </label>
                <p class="hint choice__hint" id={`invite-access-${level}-hint`}>
                  {accessExplained[level]}
                </p>
              </div>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="invite-duration">How long the link works</label>
          <select id="invite-duration" name="expiresInHours">
            <For each={durations}>
              {(duration) => (
                <option value={duration.hours} selected={duration.hours === 24 * 7}>
                  {duration.label}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="invite-max-uses">How many people can use it</label>
          <p class="hint" id="invite-max-uses-hint">
            You can leave this empty: then any number of people can join with it.
          </p>
          <input
            id="invite-max-uses"
            name="maxUses"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            class="input--short"
            aria-describedby="invite-max-uses-hint make-invite-error"
          />
        </div>
        <FormAlert id="make-invite-error" error={formError()} />
        <button type="submit" class="button" aria-disabled={busy()}>
          Make an invite link
        </button>
      </form>
      <Show when={created()} keyed>
        {(made) => <CreatedLink url={made.url} onDone={() => {
              setCreated(null);
              document.getElementById('invites-heading')?.focus();
            }} />}
      </Show>
      <h4>Links that work now</h4>
      <Show when={listError()}>{(error) => <p role="alert" class="form-alert form-alert--shown">{error().message}</p>}</Show>
      <Show when={working().length > 0} fallback={<p>There are no working invite links.</p>}>
        <ul class="invite-list">
          <For each={working()}>
            {(invite) => (
              <li class="invite-list__item">
                <span id={`${key(invite.id)}-about`}>{describe(invite)}</span>
                <button
                  type="button"
                  class="button button--danger button--small"
                  aria-describedby={`${key(invite.id)}-about`}
                  onClick={() => void stop(invite)}
                >
                  Stop this link
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
