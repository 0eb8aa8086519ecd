/**
 * The "Post without my name" choice under a comment box, where the facilitator allows it (off by
 * default), with what it means in plain words. A real checkbox: one tap or Space, and a label the
 * whole width of the line, so the target is large.
 */
export function WithoutNameOption(props: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field comment-form__without-name">
      <label class="checkbox">
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={`${props.id}-hint`}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        Post without my name
      </label>
      <p class="hint" id={`${props.id}-hint`}>
        Your name is not shown to anyone, not even the facilitator. You can still change or delete it.
      </p>
    </div>
  );
}

/** The hint over the comment box: who will read it, and with what name. */
export const readersWords = (withoutName: boolean): string =>
  withoutName ? 'Everyone on this board can read it, without your name.' : 'Everyone on this board can read it, with your first name.';
