/**
 * Presence colours. Each page gives the people it shows distinct colours from one palette of 20,
 * so a room of up to 20 never shows two people in one colour; a colour is never the only sign
 * of who someone is (initials and names go with it everywhere).
 *
 * What a person sends (`user.color`) is not what anyone shows: it is their identity colour, a
 * readable colour made from their user id, which tells one person's two tabs (same name, same
 * colour: shown once) from two people with the same name — presence carries no user id. Each
 * page then picks the shown colour itself: a person keeps their colour for as long as the page
 * shows them, newcomers get their own preferred colour (the same on every page) unless it is taken.
 */

/**
 * 20 colours, each at least 4.6:1 against white and the page background, so they work as a badge
 * behind white initials, a ring around a card or a line under a name. Chosen to be as far apart
 * as 20 colours that dark can be (at least 0.11 in OKLab) and from the grey used for borders.
 */
export const presencePalette = [
  '#0858c8', '#e00018', '#008000', '#c800c8', '#883008', '#683878', '#a85878', '#005818', '#008078', '#9800f8',
  '#a00058', '#1000f8', '#5818c8', '#7068b0', '#b05808', '#d81080', '#9000a8', '#6858f8', '#005080', '#706800',
] as const;

/** FNV-1a: a small, stable 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio of a `#rrggbb` colour against white. */
export function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return 1.05 / (luminance + 0.05);
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * The colour a person sends with their presence: made from their user id (the same in every tab
 * and on every device) and darkened until it reads on white, should any other program show it.
 */
export function identityColor(userId: string): string {
  const hash = fnv1a(userId);
  let rgb = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
  while (contrastOnWhite(toHex(rgb)) < 4.5) rgb = rgb.map((v) => Math.floor(v * 0.9));
  return toHex(rgb);
}

/** Gives the people on one page their shown colours. */
export interface ColorAssigner {
  /** The shown colour of each identity present now (identities are any stable strings). */
  assign(identities: readonly string[]): Map<string, string>;
}

/**
 * One per page. People keep the colour they were first shown in while it is free; newcomers
 * (in a fixed order, so every page agrees when nothing collides) take their preferred palette
 * place or the next free one. Only with more people than colours do two share one.
 */
export function createColorAssigner(palette: readonly string[] = presencePalette): ColorAssigner {
  const remembered = new Map<string, number>();
  return {
    assign(identities) {
      const sorted = [...new Set(identities)].sort();
      const taken = new Set<number>();
      const places = new Map<string, number>();
      for (const identity of sorted) {
        const place = remembered.get(identity);
        if (place !== undefined && !taken.has(place)) {
          places.set(identity, place);
          taken.add(place);
        }
      }
      for (const identity of sorted) {
        if (places.has(identity)) continue;
        const preferred = fnv1a(identity) % palette.length;
        let place = preferred;
        for (let step = 0; step < palette.length && taken.has(place); step++) place = (preferred + step + 1) % palette.length;
        if (taken.has(place)) place = preferred;
        places.set(identity, place);
        taken.add(place);
        remembered.set(identity, place);
      }
      return new Map([...places].map(([identity, place]) => [identity, palette[place] ?? palette[0]!]));
    },
  };
}
