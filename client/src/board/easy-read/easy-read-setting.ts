/**
 * "Easy read" (issue 17), a per-person setting kept on this device: larger text and targets, the
 * plainest words, feeling faces beside feeling words, and the journey map one moment at a time.
 * It is the only place the setting is read or written. It applies to every board opened on this
 * device (localStorage; a browser that keeps nothing just forgets it when the page closes), and
 * follows a change made in another tab. While a board is open the page's root element carries
 * the `easy-read` class that easy-read.css hangs the larger sizes on.
 */
import { createEffect, createSignal, onCleanup } from 'solid-js';

export const easyReadStorageKey = 'common-ground.easy-read';

/** What the device remembers: on only for the exact value written; anything else (or nothing) is off. */
export function readEasyRead(storage: Pick<Storage, 'getItem'> | null | undefined): boolean {
  try {
    return storage?.getItem(easyReadStorageKey) === 'on';
  } catch {
    // Storage refused (a private window, a locked-down browser): off.
    return false;
  }
}

function deviceStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const [on, setOn] = createSignal(readEasyRead(deviceStorage()));

/** Whether easy read is on, on this device. */
export const easyRead = on;

/** Turns easy read on or off for every board on this device. */
export function setEasyRead(next: boolean): void {
  setOn(next);
  try {
    const storage = deviceStorage();
    if (next) storage?.setItem(easyReadStorageKey, 'on');
    else storage?.removeItem(easyReadStorageKey);
  } catch {
    // Not kept on this device; it still holds while the page is open.
  }
}

/**
 * Puts the `easy-read` class on the page's root while easy read is on and the caller is shown,
 * and follows the setting when another tab changes it. Call inside a component (the board page).
 */
export function showEasyRead(): void {
  const root = document.documentElement;
  createEffect(() => root.classList.toggle('easy-read', on()));
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === easyReadStorageKey || event.key === null) setOn(readEasyRead(deviceStorage()));
  };
  window.addEventListener('storage', fromOtherTab);
  onCleanup(() => {
    window.removeEventListener('storage', fromOtherTab);
    root.classList.remove('easy-read');
  });
}
