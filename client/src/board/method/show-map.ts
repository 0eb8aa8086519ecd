/**
 * Going to a card or stage from elsewhere on the board — "Bring everyone here", the dot-voting
 * results, "What's new" — needs the journey map on screen. While another part of the board is
 * shown (the priorities during the joint event, an area's workspace), the board page registers
 * how to show the map (method-context.ts), and those go there first, then to the card.
 */
import { onCleanup } from 'solid-js';

let showMap: (() => Promise<void>) | null = null;

/** Registers how this board page shows its map, for as long as the calling component lives. */
export function provideMapShower(shower: () => Promise<void>): void {
  showMap = shower;
  onCleanup(() => {
    if (showMap === shower) showMap = null;
  });
}

/** Shows the map if another part of the board is shown, and waits until it is drawn. */
export async function showMapFirst(): Promise<void> {
  await showMap?.();
}
