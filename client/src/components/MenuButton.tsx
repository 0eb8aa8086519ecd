/**
 * A menu button after the WAI-ARIA Authoring Practices pattern: a real <button> with
 * aria-haspopup="menu" and aria-expanded that opens a role="menu" of role="menuitem" buttons.
 * Enter, Space or Down Arrow open it on the first item, Up Arrow on the last; in the menu the
 * arrows move (and wrap), Home and End jump, a letter goes to the next item starting with it,
 * Escape closes it and puts focus back on the button, and Tab closes it and moves on. A tap or
 * click anywhere else closes it too.
 *
 * The menu is drawn in the page flow under its button, not floating over it: it can never be
 * cut off by a card's paint containment, never covers the card below on a phone, and each item is
 * a full-width target at least 44 px high.
 */
import { createSignal, createUniqueId, For, onCleanup, Show, type JSX } from 'solid-js';
import './menu-button.css';

/** One thing the menu can do. */
export interface MenuItem {
  /** The words on the item (its accessible name). */
  label: string;
  /** Shown dimmed and announced as unavailable; still focusable, as the pattern asks. */
  disabled?: boolean;
  /** Drawn as a destructive action (red border), never by colour alone: the words say it. */
  danger?: boolean;
  /** Runs after the menu has closed. Focus is the action's to place; otherwise it goes back to the button. */
  onSelect: () => void;
}

export interface MenuButtonProps {
  /** The button's id, so focus can be sent back to it after an action moved things around. */
  id?: string;
  /** The button's visible words, e.g. "More actions". */
  label: string;
  /** Words only screen readers hear after the label, e.g. " for Car park" (name = label + this). */
  hiddenLabel?: string;
  items: readonly MenuItem[];
  class?: string;
}

/** The button and, while open, its menu. */
export function MenuButton(props: MenuButtonProps): JSX.Element {
  const uid = createUniqueId();
  const buttonId = () => props.id ?? `menu-button-${uid}`;
  const menuId = `menu-${uid}`;
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  let menu: HTMLDivElement | undefined;

  const itemElements = (): HTMLButtonElement[] =>
    menu === undefined ? [] : [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const focusItem = (index: number) => {
    const items = itemElements();
    if (items.length === 0) return;
    items[((index % items.length) + items.length) % items.length]?.focus();
  };
  const openAt = (where: 'first' | 'last') => {
    setOpen(true);
    // The menu is in the DOM now (Solid renders synchronously).
    focusItem(where === 'first' ? 0 : -1);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = itemElements();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    switch (event.key) {
      case 'ArrowDown':
        focusItem(at + 1);
        break;
      case 'ArrowUp':
        focusItem(at - 1);
        break;
      case 'Home':
      case 'PageUp':
        focusItem(0);
        break;
      case 'End':
      case 'PageDown':
        focusItem(-1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // The browser moves focus on (Shift+Tab: back to the button); the menu closes behind it.
        setTimeout(() => setOpen(false), 0);
        return;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === ' ') return;
        const letter = event.key.toLocaleLowerCase('en-GB');
        const order = items.map((_, i) => (at + 1 + i) % items.length);
        const next = order.find((i) => items[i]?.textContent?.trim().toLocaleLowerCase('en-GB').startsWith(letter));
        if (next !== undefined) focusItem(next);
        break;
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (item: MenuItem) => {
    if (item.disabled === true) return;
    close(true);
    item.onSelect();
  };

  return (
    <div
      class={`menu-button ${props.class ?? ''}`}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (open() && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        id={buttonId()}
        class="button button--secondary menu-button__button"
        aria-haspopup="menu"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={open() ? menuId : undefined}
        onClick={() => (open() ? close(false) : openAt('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {props.label}
        <Show when={props.hiddenLabel}>
          <span class="visually-hidden">{props.hiddenLabel}</span>
        </Show>
        <span class="menu-button__arrow" aria-hidden="true">
          {open() ? '▴' : '▾'}
        </span>
      </button>
      <Show when={open()}>
        <div
          ref={(el) => {
            menu = el;
            // Pointer presses outside the menu and its button close it (a tap elsewhere on a phone).
            const outside = (event: PointerEvent) => {
              if (event.target instanceof Node && !el.parentElement?.contains(event.target)) setOpen(false);
            };
            document.addEventListener('pointerdown', outside, true);
            onCleanup(() => document.removeEventListener('pointerdown', outside, true));
          }}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId()}
          class="menu-button__menu"
          onKeyDown={onMenuKeyDown}
        >
          <For each={props.items}>
            {(item) => (
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class="menu-button__item"
                classList={{ 'menu-button__item--danger': item.danger === true }}
                aria-disabled={item.disabled === true ? 'true' : undefined}
                onClick={() => choose(item)}
              >
                {item.label}
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}
