/**
 * Reads one text field of a shared map (a touchpoint's `title` or `story`) as a Solid signal,
 * following both typing inside the Y.Text and the field being replaced by another value.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';

/** The field's current text ('' when missing). Call inside a component: stops on cleanup. */
export function createTextField(map: Y.Map<unknown>, key: string): Accessor<string> {
  const [value, setValue] = createSignal('');
  let bound: Y.Text | null = null;

  const onText = () => setValue(bound?.toString() ?? '');
  const bind = () => {
    const current = map.get(key);
    const next = current instanceof Y.Text ? current : null;
    if (next !== bound) {
      bound?.unobserve(onText);
      bound = next;
      bound?.observe(onText);
    }
    setValue(next !== null ? next.toString() : typeof current === 'string' ? current : '');
  };
  const onMap = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(key)) bind();
  };

  bind();
  map.observe(onMap);
  onCleanup(() => {
    map.unobserve(onMap);
    bound?.unobserve(onText);
  });
  return value;
}
