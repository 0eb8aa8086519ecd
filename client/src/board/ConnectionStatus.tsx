/**
 * The always-visible connection line. It is a polite live region, so a screen reader hears
 * "Offline — reconnecting" without being interrupted; a refusal says what happened and what to
 * do next in plain words, with a link where there is somewhere to go. When this device cannot keep
 * a copy of the board, it never says "saved on this device": it says so, and asks the person to
 * stay online until the server has their changes. When the server cannot save the board (4503) it
 * does not say "Offline" — the person is online — but that the server cannot save just now, where
 * their changes are meanwhile, and that they can keep working.
 */
import { Match, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { CloseCode } from '../../../shared/sync-protocol.ts';
import type { ConnectionState, LocalCopyState } from './connection.ts';
import type { SaveState } from './save-tracker.ts';

export interface ConnectionStatusProps {
  state: ConnectionState;
  /** Whether the server has acknowledged every change made here (default: saved). */
  saveState?: SaveState;
  /** Whether this device keeps a copy of the board (default: ready). */
  localCopy?: LocalCopyState;
  /** Where "sign in" should bring the person back to (this board's path). */
  boardPath: string;
}

/** Said after every online state when this device keeps no copy (see `LocalCopyState`). */
const notKeptHere = 'Your changes are not kept on this device, so please stay online until it says saved.';

/** The start of every "cannot save" message (see `ConnectionState`). */
const cannotSave = 'The server cannot save this board just now.';

export function ConnectionStatus(props: ConnectionStatusProps) {
  const code = () => (props.state.kind === 'refused' ? props.state.code : null);
  const localCopy = () => props.localCopy ?? 'ready';
  const noCopy = () => localCopy() === 'unavailable';
  const note = () => (noCopy() && props.state.kind !== 'refused' ? ` ${notKeptHere}` : '');
  const kind = () => (props.state.kind === 'cannotSave' ? 'cannot-save' : props.state.kind);
  return (
    <div class={`connection-status connection-status--${kind()}`} role="status" aria-live="polite">
      <span class="connection-status__dot" aria-hidden="true" />
      <Switch>
        <Match when={props.state.kind === 'connecting'}>Connecting…{note()}</Match>
        <Match when={props.state.kind === 'live' && props.saveState === 'saving'}>Live — saving…{note()}</Match>
        <Match when={props.state.kind === 'live'}>Live — all changes saved{note() && '.'}{note()}</Match>
        <Match when={props.state.kind === 'cannotSave' && localCopy() === 'ready'}>
          {cannotSave} Your changes are kept on this device and will be sent when it can — you can keep working.
        </Match>
        <Match when={props.state.kind === 'cannotSave' && noCopy()}>
          {cannotSave} Your changes are not kept on this device, so please keep this page open. They will be sent when
          the server can — you can keep working.
        </Match>
        <Match when={props.state.kind === 'cannotSave'}>
          {cannotSave} Your changes will be sent when the server can — please keep this page open.
        </Match>
        <Match when={props.state.kind === 'offline' && noCopy()}>
          Offline — your changes are not kept on this device. Please keep this page open until you are back
          online and it says saved.
        </Match>
        <Match when={props.state.kind === 'offline' && props.saveState === 'saving' && localCopy() === 'ready'}>
          Offline — your changes are saved on this device and will be sent when you are back online
        </Match>
        <Match when={props.state.kind === 'offline' && props.saveState === 'saving'}>
          Offline — your changes will be sent when you are back online
        </Match>
        <Match when={props.state.kind === 'offline'}>Offline — reconnecting</Match>
        <Match when={code() === CloseCode.unauthenticated}>
          <span>
            Please sign in to open this board.{' '}
            <A href={`/?next=${encodeURIComponent(props.boardPath)}`}>Go to sign in</A>
          </span>
        </Match>
        <Match when={code() === CloseCode.forbidden}>
          <span>
            You are not a member of this board. Ask the facilitator for an invite link.{' '}
            <A href="/">Go to your boards</A>
          </span>
        </Match>
        <Match when={code() === CloseCode.notFound}>
          <span>
            This board does not exist (it may have been deleted). <A href="/">Go to your boards</A>
          </span>
        </Match>
        <Match when={code() === CloseCode.changeRefused}>
          <span>
            One of your changes could not be saved, and loading the board again did not help.{' '}
            <button type="button" class="link-button" onClick={() => location.reload()}>
              Reload the page
            </button>
          </span>
        </Match>
        <Match when={props.state.kind === 'refused'}>
          <span>
            This board cannot be opened right now. <A href="/">Go to your boards</A>
          </span>
        </Match>
      </Switch>
    </div>
  );
}
