/**
 * Role-neutral, unspoofable presence. Every awareness update a client sends is decoded and
 * re-encoded keeping only `user.name` (replaced by the member's display name), `user.color`,
 * `focus` and `cursor`; anything else a client puts there (a role, a job title, an email) never
 * reaches anyone. A connection may only speak for the awareness client ids it introduced first.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AwarenessEntry, PresenceState } from '../ports/sync-socket.ts';

export type { AwarenessEntry, PresenceState };

export interface FilterAwarenessOptions {
  /** The display name the server shows for this connection's person. */
  displayName: string;
  /** True when this connection may speak for `clientId`. */
  mayControl: (clientId: number) => boolean;
}

const colorPattern = /^#[0-9a-fA-F]{6}$/;
const maxFocusLength = 128;
const maxCursorJson = 2048;

/** Decodes an awareness update, dropping entries for ids the connection may not control. */
export function filterAwarenessUpdate(update: Uint8Array, options: FilterAwarenessOptions): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!options.mayControl(clientId)) continue;
    entries.push({ clientId, clock, state: raw === null ? null : presenceFrom(raw, options.displayName) });
  }
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes after awareness update');
  return entries;
}

/** Encodes entries in the y-protocols awareness update format. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function presenceFrom(raw: unknown, displayName: string): PresenceState {
  const state: PresenceState = { user: { name: displayName } };
  if (!isRecord(raw)) return state;
  const user = raw['user'];
  if (isRecord(user) && typeof user['color'] === 'string' && colorPattern.test(user['color'])) {
    state.user.color = user['color'];
  }
  const focus = raw['focus'];
  if (focus === null || (typeof focus === 'string' && focus.length <= maxFocusLength)) state.focus = focus;
  const cursor = raw['cursor'];
  if (cursor !== undefined && JSON.stringify(cursor).length <= maxCursorJson) state.cursor = cursor;
  return state;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
