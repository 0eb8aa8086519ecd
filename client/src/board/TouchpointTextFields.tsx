/**
 * A touchpoint's name and story as shared text boxes, with one set of labels, hints and limits:
 * the card's editor (TouchpointEditor.tsx) and the outline (outline/OutlineMoment.tsx) both use it.
 */
import type * as Y from 'yjs';
import { storyMaxLength, touchpointTitleMaxLength } from '../../../shared/limits.ts';
import { SharedTextField } from './SharedTextField.tsx';

export interface TouchpointTextFieldsProps {
  touchpoint: Y.Map<unknown>;
  /** The name box's id (focus goes there when editing starts). */
  titleId: string;
  /** Enter in the name, or Escape in either: editing is done. */
  onDone: () => void;
}

export function TouchpointTextFields(props: TouchpointTextFieldsProps) {
  return (
    <>
      <SharedTextField
        map={props.touchpoint}
        field="title"
        label="Touchpoint name"
        what="name"
        maxLength={touchpointTitleMaxLength}
        id={props.titleId}
        onDone={props.onDone}
      />
      <SharedTextField
        map={props.touchpoint}
        field="story"
        label="Story"
        hint="What happened here, in the person’s own words."
        what="story"
        maxLength={storyMaxLength}
        multiline
        onDone={props.onDone}
      />
    </>
  );
}
