/**
 * The PDF export's choices in plain words, each explained in one short line: paper size (A4 or
 * US Letter), large print, leaving out everyone's names, and the comments. Radio buttons and
 * checkboxes in a fieldset, their explanations read with them (aria-describedby).
 */
import { For } from 'solid-js';
import type { ExportPdfOptions } from '../../../../shared/api.ts';

type Flag = 'largePrint' | 'anonymise' | 'comments';

const papers: readonly { value: ExportPdfOptions['paper']; label: string; hint: string }[] = [
  { value: 'a4', label: 'A4', hint: 'The usual paper in the UK and most countries.' },
  { value: 'letter', label: 'US Letter', hint: 'The usual paper in the USA and Canada.' },
];

const flags: readonly { key: Flag; label: string; hint: string }[] = [
  { key: 'largePrint', label: 'Large print (bigger text)', hint: 'Easier to read. The PDF has more pages.' },
  {
    key: 'anonymise',
    label: 'Leave out everyone’s names',
    hint: 'For sharing outside the group: no names of people who added cards or comments.',
  },
  { key: 'comments', label: 'Include comments', hint: 'Adds the conversations about each stage and card.' },
];

export function ExportChoices(props: { id: string; options: ExportPdfOptions; onChange: (options: ExportPdfOptions) => void }) {
  const set = (change: Partial<ExportPdfOptions>) => props.onChange({ ...props.options, ...change });
  return (
    <>
      <fieldset class="choices">
        <legend>Paper size</legend>
        <For each={papers}>
          {(paper) => (
            <div class="choice">
              <label class="checkbox">
                <input
                  type="radio"
                  name={`${props.id}-paper`}
                  value={paper.value}
                  checked={props.options.paper === paper.value}
                  aria-describedby={`${props.id}-${paper.value}-hint`}
                  onChange={(event) => event.currentTarget.checked && set({ paper: paper.value })}
                />
                {paper.label}
              </label>
              <p class="hint choice__hint" id={`${props.id}-${paper.value}-hint`}>
                {paper.hint}
              </p>
            </div>
          )}
        </For>
      </fieldset>
      <fieldset class="choices">
        <legend>More choices</legend>
        <For each={flags}>
          {(flag) => (
            <div class="choice">
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={props.options[flag.key]}
                  aria-describedby={`${props.id}-${flag.key}-hint`}
                  onChange={(event) => set({ [flag.key]: event.currentTarget.checked })}
                />
                {flag.label}
              </label>
              <p class="hint choice__hint" id={`${props.id}-${flag.key}-hint`}>
                {flag.hint}
              </p>
            </div>
          )}
        </For>
      </fieldset>
    </>
  );
}
