/**
 * A text box (one line or several) bound to a shared Y.Text, so that two people typing in the
 * same field both keep their words: each local edit is sent as the smallest delete + insert
 * (text-diff.ts), and someone else's change is put into the box with the caret and selection
 * moved along with the text around them. The box stops typing at the document's limit for the
 * field (shared/limits.ts; the server refuses longer text) and, near it, says how many letters
 * are left.
 */
import { createSignal, createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import * as Y from 'yjs';
import { useBoard } from './board-context.ts';
import { sharedTextAttribute } from './board-undo.ts';
import { localOrigin } from './local-origin.ts';
import { lettersLeftWords } from './letters-left.ts';
import { applyTextChange, mapIndexThroughDelta, type DeltaOp } from './text-diff.ts';

export interface SharedTextFieldProps {
  /** The map holding the text (a touchpoint). */
  map: Y.Map<unknown>;
  /** The key of the Y.Text in the map ('title', 'story'). */
  field: string;
  /** The visible label. */
  label: string;
  /** A textarea instead of a one-line box. */
  multiline?: boolean;
  /** Id for the box, so other controls can focus it. */
  id?: string;
  /** A hint shown under the label. */
  hint?: string;
  /** Enter in a one-line box, or Escape: the person has finished. */
  onDone?: () => void;
  /** The longest text the document takes here (shared/limits.ts); the box stops typing there. */
  maxLength: number;
  /** What the text is, for "The story is as long as it can be." (e.g. "story"). */
  what: string;
}

const navigationKeys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** A labelled box bound to shared text; its Ctrl+Z goes to the board's Undo. */
export function SharedTextField(props: SharedTextFieldProps) {
  const board = useBoard();
  const id = props.id ?? createUniqueId();
  const hintId = `${id}-hint`;
  const leftId = `${id}-left`;
  let box: HTMLInputElement | HTMLTextAreaElement | undefined;
  let text: Y.Text | null = null;
  const [length, setLength] = createSignal(0);
  const left = () => lettersLeftWords(length(), props.maxLength, props.what);
  const measure = () => setLength(box?.value.length ?? 0);

  const onText = (event: Y.YTextEvent) => {
    if (box === undefined || text === null) return;
    const next = text.toString();
    // Our own typing is already in the box; a peer's change or an Undo is not.
    if (next === box.value) return;
    const focused = document.activeElement === box;
    const start = box.selectionStart ?? 0;
    const end = box.selectionEnd ?? 0;
    const direction = box.selectionDirection ?? 'none';
    const delta = event.delta as DeltaOp[];
    box.value = next;
    measure();
    if (focused) {
      const collapsed = start === end;
      // A caret stays right after your own last letter when someone types at the same spot, so
      // your next letter follows yours and two people's words never interleave.
      const newStart = mapIndexThroughDelta(start, delta, true);
      const newEnd = collapsed ? newStart : mapIndexThroughDelta(end, delta, false);
      box.setSelectionRange(newStart, Math.max(newStart, newEnd), direction);
    }
  };
  const bind = () => {
    const current = props.map.get(props.field);
    const next = current instanceof Y.Text ? current : null;
    if (next !== text) {
      text?.unobserve(onText);
      text = next;
      text?.observe(onText);
    }
    if (box !== undefined) box.value = next?.toString() ?? (typeof current === 'string' ? current : '');
    measure();
  };
  const onMap = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(props.field)) bind();
  };

  const commit = () => {
    if (box === undefined) return;
    const after = box.value;
    const wasFull = length() >= props.maxLength;
    measure();
    // Heard once, when typing fills the box (the count itself is read with the box).
    if (!wasFull && after.length >= props.maxLength) board.announcer.say(left());
    const caret = box.selectionEnd ?? after.length;
    const doc = props.map.doc;
    if (doc === null) return;
    doc.transact(() => {
      if (text === null) {
        // An older or foreign document held plain words here: make them shared text.
        const created = new Y.Text(after);
        props.map.set(props.field, created);
        return;
      }
      applyTextChange(text, text.toString(), after, caret);
    }, localOrigin);
  };

  onMount(() => {
    bind();
    props.map.observe(onMap);
  });
  onCleanup(() => {
    props.map.unobserve(onMap);
    text?.unobserve(onText);
  });

  const shared = {
    id,
    [sharedTextAttribute]: '',
    maxLength: props.maxLength,
    get 'aria-describedby'() {
      return [props.hint !== undefined ? hintId : '', left() !== '' ? leftId : ''].filter(Boolean).join(' ') || undefined;
    },
    onInput: (event: InputEvent) => {
      if (!event.isComposing) commit();
    },
    onCompositionEnd: commit,
    // Typing is one Undo step per burst; going somewhere else in the text starts a new one.
    onFocus: () => board.undo.cut(),
    onBlur: () => board.undo.cut(),
    onMouseDown: () => board.undo.cut(),
    onKeyDown: (event: KeyboardEvent) => {
      if (navigationKeys.has(event.key)) board.undo.cut();
      if (event.key === 'Escape' || (event.key === 'Enter' && !props.multiline)) {
        event.preventDefault();
        props.onDone?.();
      }
    },
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.multiline}
        fallback={<input {...shared} ref={(el) => (box = el)} type="text" autocomplete="off" />}
      >
        <textarea {...shared} ref={(el) => (box = el)} rows={4} />
      </Show>
      <Show when={left() !== ''}>
        <p class="hint" id={leftId}>
          {left()}
        </p>
      </Show>
    </div>
  );
}
