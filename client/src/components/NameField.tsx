/**
 * The one field where a person gives the name everyone on a board sees (joining by invite,
 * making an account, renaming): a first name is enough, and the hint says that the name is all
 * others learn about them. Always named `displayName` in its form.
 */
import { displayNameMaxLength } from '../../../shared/limits.ts';

export interface NameFieldProps {
  /** The input's id; the hint is `${id}-hint`. */
  id: string;
  label: string;
  hint: string;
  /** The form's error area, also read out with the field. */
  errorId: string;
  value?: string;
  invalid?: boolean;
}

export function NameField(props: NameFieldProps) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <input
        id={props.id}
        name="displayName"
        type="text"
        autocomplete="given-name"
        maxLength={displayNameMaxLength}
        required
        value={props.value ?? ''}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={`${props.id}-hint ${props.errorId}`}
      />
    </div>
  );
}
