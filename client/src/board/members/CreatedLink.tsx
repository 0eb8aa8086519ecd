/**
 * A new invite link, shown once (the server keeps only a hash of it): the link in a box that can
 * be selected, and "Copy link". Copying falls back to selecting the text when the browser does not
 * allow the clipboard, with words saying how to copy it by hand.
 */
import { createSignal, onMount } from 'solid-js';

export interface CreatedLinkProps {
  url: string;
  /** "I have copied it": hides the link. */
  onDone: () => void;
}

export function CreatedLink(props: CreatedLinkProps) {
  const [message, setMessage] = createSignal('');
  let box: HTMLInputElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.url);
      setMessage('Link copied. You can paste it into an email or a message.');
    } catch {
      box?.focus();
      box?.select();
      setMessage('The link is selected. Press Ctrl + C (Cmd + C on a Mac) to copy it.');
    }
  }

  return (
    <div class="created-link">
      <h4 id="created-link-heading" tabIndex={-1} ref={heading}>
        Your new invite link
      </h4>
      <p id="created-link-hint">You will only see this link now. Copy it and send it to the people you want to invite.</p>
      <label for="created-link-url">Invite link</label>
      <input
        id="created-link-url"
        type="text"
        readOnly
        value={props.url}
        aria-describedby="created-link-hint"
        onFocus={(event) => event.currentTarget.select()}
        ref={box}
      />
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onDone()}>
          Hide the link
        </button>
      </div>
      <p role="status" class="created-link__status">
        {message()}
      </p>
    </div>
  );
}
