/**
 * The PDF export's choices in plain words, each explained in one short line: paper size (A4 or
 * US Letter), large print, leaving out everyone's names, the comments, and (issue 17) an internal
 * copy with the stories not yet agreed for sharing — without it, only stories their storyteller
 * said are "Ready to share" go in, and the choices say so. Radio buttons and checkboxes in
 * fieldsets, their explanations read with them (aria-describedby).
 */
import { For } from 'solid-js';
import type { ExportPdfOptions } from '../../../../shared/api.ts';
import { consentWords } from '../../../../shared/consent.ts';

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

/** What happens to stories by default, and the choice that changes it (issue 17). */
export const storiesWords = {
  legend: 'Stories',
  normal: `Only stories marked “${consentWords.ready.name}” by the person who told them go in. The others are left out.`,
  internal: 'Internal copy: include stories not yet agreed for sharing',
  internalHint: 'Every page will say it is an internal copy. Only use it inside the team.',
};

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
      <fieldset class="choices" aria-describedby={`${props.id}-stories-hint`}>
        <legend>{storiesWords.legend}</legend>
        <p class="hint" id={`${props.id}-stories-hint`}>
          {storiesWords.normal}
        </p>
        <div class="choice">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={props.options.internal}
              aria-describedby={`${props.id}-internal-hint`}
              onChange={(event) => set({ internal: event.currentTarget.checked })}
            />
            {storiesWords.internal}
          </label>
          <p class="hint choice__hint" id={`${props.id}-internal-hint`}>
            {storiesWords.internalHint}
          </p>
        </div>
      </fieldset>
    </>
  );
}
