/**
 * A touchpoint's storyteller consent (issue 17) as a Solid signal, and saying it: the page writes
 * `touchpoints.<id>.consent` into the shared map like any other card field, as this person's own
 * undoable change. The server's guard lets only the card's storyteller (`createdBy`) or a
 * facilitator write it (docs/board-document.md), and the page offers it to nobody else
 * (maySpeakForStory in shared/consent.ts).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { consentOf, type Consent } from '../../../../shared/consent.ts';
import { localOrigin } from '../local-origin.ts';

/** The card's consent, following others' changes. Call inside a component: stops on cleanup. */
export function createConsent(touchpoint: Y.Map<unknown>): Accessor<Consent> {
  const [consent, setConsent] = createSignal<Consent>(consentOf(touchpoint));
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has('consent')) setConsent(consentOf(touchpoint));
  };
  touchpoint.observe(onChange);
  onCleanup(() => touchpoint.unobserve(onChange));
  return consent;
}

/** Whether the server has marked the card's story withdrawn (`withdrawnAt`), following changes. Call inside a component. */
export function createWithdrawnMark(touchpoint: Y.Map<unknown>): Accessor<boolean> {
  const marked = () => typeof touchpoint.get('withdrawnAt') === 'number';
  const [withdrawn, setWithdrawn] = createSignal(marked());
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has('withdrawnAt')) setWithdrawn(marked());
  };
  touchpoint.observe(onChange);
  onCleanup(() => touchpoint.unobserve(onChange));
  return withdrawn;
}

/** Writes the choice as one local change; false when it already says so (nothing is sent). */
export function saveConsent(touchpoint: Y.Map<unknown>, consent: Consent): boolean {
  if (touchpoint.get('consent') === consent) return false;
  const doc = touchpoint.doc;
  if (doc === null) return false;
  doc.transact(() => touchpoint.set('consent', consent), localOrigin);
  return true;
}

/** The storyteller's user id, or null for a card from an older document that has none. */
export function storytellerOf(touchpoint: Y.Map<unknown>): string | null {
  const createdBy = touchpoint.get('createdBy');
  return typeof createdBy === 'string' && createdBy !== '' ? createdBy : null;
}
