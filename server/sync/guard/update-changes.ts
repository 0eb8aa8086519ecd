/**
 * What a Yjs update would change in a board document, found without applying it: the update is
 * decoded (Y.decodeUpdate), and each new item and each deletion is placed — which top-level type,
 * which nested map or text, which key — by resolving its parent (or, as Yjs does, the parent of
 * the item it was inserted beside) against the document and the update itself. The guard's rules
 * (board-rules.ts) then judge the places, never the bytes.
 *
 * This mirrors Yjs's own integration (Item.getMissing/integrate in yjs 13.6): parts the document
 * already has are skipped, an item beside garbage-collected content is dropped (it can change
 * nothing), and setting a map key replaces (deletes) the value there. What Yjs would park as
 * pending — an item or a deletion that depends on something the document does not have — is
 * refused here (`unresolvable`): parked content would be integrated later without a check.
 */
import * as Y from 'yjs';

type AnyStruct = Y.Item | Y.GC | Y.Skip;

/** An update as Y.decodeUpdate gives it (decoded once by the guard). */
export interface DecodedUpdate {
  structs: AnyStruct[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

/** Nested types deeper than this are refused (a board nests two: a touchpoint map, then its text). */
const maxNesting = 4;

/** Why an update cannot be read as a set of changes: each is refused. */
export class UnreadableUpdate extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableUpdate';
  }
}

/**
 * The update depends on changes the document does not have (what Yjs would park as pending). An
 * honest client can send one: a second tab of the same browser may build on a change the first
 * tab passed it directly (y-websocket's BroadcastChannel) before that change reached the server.
 * The update is not applied; the room asks the client for everything it has instead.
 */
export class MissingContent extends UnreadableUpdate {
  constructor(message: string) {
    super(message);
    this.name = 'MissingContent';
  }
}

/** A nested type (a map or a text) that items can be put into, with where it is. */
export interface Container {
  /** The item whose content is the type. */
  readonly item: Y.Item;
  /** The type itself, when it is in the document already (null when made by this update). */
  readonly type: Y.AbstractType<unknown> | null;
  /** Where the container is: which top-level type or container holds it, under which key. */
  readonly place: Place;
  /** True when this update makes the container. */
  readonly isNew: boolean;
}

/** Where an item is: the top-level type it is under, the container that holds it (if nested), and its key. */
export interface Place {
  /** Name of the top-level type the item is under (directly or nested). */
  readonly top: string;
  /** The nested map or text holding the item, or null when the top-level type holds it. */
  readonly container: Container | null;
  /** The item's map key, or null for an element of an array or text. */
  readonly key: string | null;
}

/** One item the update adds. */
export interface Insert {
  readonly item: Y.Item;
  readonly place: Place;
  /** Units of the item the document does not have yet (Yjs skips the rest). */
  readonly newLength: number;
  /**
   * Units that will show once applied: 0 for content already deleted when sent (ContentDeleted),
   * less than {@link newLength} when the update's own delete set covers part of it. Content that
   * shows nothing still replaces a map value.
   */
  readonly liveLength: number;
}

/** A part of an item the document has and shows, that the update deletes. */
export interface Removal {
  readonly item: Y.Item;
  readonly place: Place;
  /** How many units of the item are deleted (characters of a text). */
  readonly length: number;
  /** True when the deletion comes from a new value set at the same map key, not from the delete set. */
  readonly replaced: boolean;
}

export interface UpdateChanges {
  readonly inserts: readonly Insert[];
  readonly removals: readonly Removal[];
  /** Yjs client ids the update writes new structs for (whose owner the room checks). */
  readonly clients: ReadonlySet<number>;
}

const isGC = (struct: AnyStruct | Y.AbstractStruct): boolean => struct instanceof Y.GC;

/**
 * Places every new item and every deletion of a decoded update against `doc`. Throws
 * {@link UnreadableUpdate} for what cannot be placed (depends on missing content, names an unknown
 * top-level type).
 */
export function readUpdateChanges(doc: Y.Doc, update: DecodedUpdate, knownTops: ReadonlySet<string>): UpdateChanges {
  const { structs, ds } = update;
  const store = doc.store;
  // The new structs of each client, in clock order, and the first clock the document lacks.
  const fresh = new Map<number, { start: number; end: number; structs: AnyStruct[] }>();
  let previousClient: number | null = null;
  for (const struct of structs) {
    const client = struct.id.client;
    if (client !== previousClient && fresh.has(client)) throw new UnreadableUpdate('one client appears twice');
    previousClient = client;
    const state = Y.getState(store, client);
    let run = fresh.get(client);
    if (run === undefined) fresh.set(client, (run = { start: state, end: state, structs: [] }));
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end <= state) continue; // the document has it all
    if (struct.id.clock > run.end) throw new MissingContent(`depends on changes the server does not have (client ${client})`);
    run.structs.push(struct);
    run.end = end;
  }

  /** The struct holding `id`, in the update (new part) or the document; undefined if neither has it. */
  const structAt = (id: Y.ID): AnyStruct | Y.AbstractStruct | undefined => {
    const run = fresh.get(id.client);
    if (run !== undefined && id.clock >= run.start && id.clock < run.end) {
      const list = run.structs;
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const struct = list[mid]!;
        if (id.clock < struct.id.clock) high = mid - 1;
        else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
        else return struct;
      }
      return undefined;
    }
    if (id.clock < Y.getState(store, id.client)) return Y.getItem(store, id) as Y.AbstractStruct;
    return undefined;
  };

  const newItems = new Set<Y.Item>();
  for (const run of fresh.values()) for (const struct of run.structs) if (struct instanceof Y.Item) newItems.add(struct);

  // null: the item is dropped by Yjs (beside or inside garbage-collected content).
  const places = new Map<Y.Item, Place | null>();
  const containers = new Map<Y.Item, Container | null>();
  const resolving = new Set<Y.Item>();

  // Containers nest a few deep in a board (a touchpoint map, its title text); deeper is refused,
  // and so never recursed into without end.
  let depth = 0;
  const containerOf = (item: Y.Item): Container | null => {
    if (containers.has(item)) return containers.get(item)!;
    if (!(item.content instanceof Y.ContentType)) throw new UnreadableUpdate('puts content inside a value that is not a map or text');
    if (++depth > maxNesting) throw new UnreadableUpdate('types nested too deep');
    try {
      const isNew = newItems.has(item);
      const place = isNew ? placeOfNew(item) : placeOfExisting(item);
      const container = place === null ? null : { item, type: isNew ? null : (item.content.type as Y.AbstractType<unknown>), place, isNew };
      containers.set(item, container);
      return container;
    } finally {
      depth--;
    }
  };

  const placeOfExisting = (item: Y.Item): Place | null => {
    if (places.has(item)) return places.get(item)!;
    const parent = item.parent as Y.AbstractType<unknown> | null;
    let place: Place | null;
    if (parent === null) place = null;
    else if (parent._item === null) place = { top: Y.findRootTypeKey(parent), container: null, key: item.parentSub };
    else {
      const container = containerOf(parent._item);
      place = container === null ? null : { top: container.place.top, container, key: item.parentSub };
    }
    places.set(item, place);
    return place;
  };

  /**
   * Places a new item. An item inserted beside another new item has that item's place, so a run of
   * them (text typed character by character in reverse, say) is followed in a loop, not by
   * recursion, and every item of the run gets the place found at its end.
   */
  const placeOfNew = (start: Y.Item): Place | null => {
    const run: Y.Item[] = [];
    let item = start;
    let place: Place | null;
    for (;;) {
      if (places.has(item)) {
        place = places.get(item)!;
        break;
      }
      if (resolving.has(item)) throw new UnreadableUpdate('an item refers to itself');
      resolving.add(item);
      run.push(item);
      const parent = item.parent as unknown;
      if (item.origin !== null || item.rightOrigin !== null) {
        const left = item.origin === null ? undefined : structAt(item.origin);
        const right = item.rightOrigin === null ? undefined : structAt(item.rightOrigin);
        if ((item.origin !== null && left === undefined) || (item.rightOrigin !== null && right === undefined)) {
          throw new MissingContent('inserts beside content the server does not have');
        }
        if ((left !== undefined && isGC(left)) || (right !== undefined && isGC(right))) {
          place = null;
          break;
        }
        const beside = (left ?? right) as Y.Item;
        if (newItems.has(beside)) {
          item = beside;
          continue;
        }
        place = placeOfExisting(beside);
      } else if (typeof parent === 'string') {
        if (!knownTops.has(parent)) throw new UnreadableUpdate(`writes to an unknown top-level type "${parent}"`);
        place = { top: parent, container: null, key: item.parentSub };
      } else if (parent instanceof Y.ID) {
        const holder = structAt(parent);
        if (holder === undefined) throw new MissingContent('inserts into content the server does not have');
        if (isGC(holder)) place = null;
        else {
          const container = containerOf(holder as Y.Item);
          place = container === null ? null : { top: container.place.top, container, key: item.parentSub };
        }
      } else throw new UnreadableUpdate('an item without a place');
      break;
    }
    for (const placed of run) {
      resolving.delete(placed);
      places.set(placed, place);
    }
    return place;
  };

  // The delete set, merged per client, so a range a sender repeats or overlaps counts once.
  // (Typing sends none: nothing of this is made then.)
  const deletions = new Map<number, { clock: number; len: number }[]>();
  if (ds.clients.size > 0) for (const [client, ranges] of ds.clients) {
    const merged: { clock: number; len: number }[] = [];
    for (const range of [...ranges].sort((a, b) => a.clock - b.clock)) {
      if (range.len <= 0) continue;
      const last = merged.at(-1);
      if (last !== undefined && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock);
      else merged.push({ clock: range.clock, len: range.len });
    }
    deletions.set(client, merged);
  }
  // What the update deletes of its own new content, per client.
  const deletedFresh = new Map<number, { clock: number; len: number }[]>();
  for (const [client, ranges] of deletions) {
    const start = fresh.get(client)?.start ?? Y.getState(store, client);
    const own = ranges.filter((r) => r.clock + r.len > start);
    if (own.length > 0) deletedFresh.set(client, own);
  }
  const deletedOfOwn = (item: Y.Item, from: number): number => {
    if (deletedFresh.size === 0) return 0;
    const ranges = deletedFresh.get(item.id.client);
    if (ranges === undefined) return 0;
    const to = item.id.clock + item.length;
    // The ranges are sorted and apart: find the first that ends after `from`, then walk while they overlap.
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranges[mid]!.clock + ranges[mid]!.len <= from) low = mid + 1;
      else high = mid;
    }
    let covered = 0;
    for (let index = low; index < ranges.length && ranges[index]!.clock < to; index++) {
      const range = ranges[index]!;
      covered += Math.min(to, range.clock + range.len) - Math.max(from, range.clock);
    }
    return covered;
  };

  const inserts: Insert[] = [];
  const removals: Removal[] = [];
  for (const run of fresh.values()) {
    for (const struct of run.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const place = placeOfNew(struct);
      if (place === null) continue;
      const from = Math.max(run.start, struct.id.clock);
      const newLength = struct.id.clock + struct.length - from;
      const liveLength = struct.content instanceof Y.ContentDeleted ? 0 : newLength - deletedOfOwn(struct, from);
      inserts.push({ item: struct, place, newLength, liveLength });
      // Setting a key of a map the document has replaces the value shown there.
      if (place.key !== null) {
        const map = place.container === null ? doc.share.get(place.top) : place.container.type;
        const current = map?._map.get(place.key);
        if (current !== undefined && !current.deleted && !newItems.has(current)) {
          removals.push({ item: current, place: placeOfExisting(current) ?? place, length: current.length, replaced: true });
        }
      }
    }
  }

  for (const [client, ranges] of deletions) {
    const state = Y.getState(store, client);
    const run = fresh.get(client);
    const known = run?.end ?? state;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > known) throw new MissingContent(`deletes changes the server does not have (client ${client})`);
      // Deleting what this update itself adds is covered by the insert's own check.
      if (clock >= state) continue;
      const structsOfClient = store.clients.get(client)!;
      for (let index = Y.findIndexSS(structsOfClient, clock); index < structsOfClient.length; index++) {
        const struct = structsOfClient[index]!;
        if (struct.id.clock >= Math.min(end, state)) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const place = placeOfExisting(struct);
        if (place === null) continue;
        const from = Math.max(clock, struct.id.clock);
        const to = Math.min(end, struct.id.clock + struct.length);
        removals.push({ item: struct, place, length: to - from, replaced: false });
      }
    }
  }
  return { inserts, removals, clients: new Set([...fresh].filter(([, run]) => run.structs.length > 0).map(([client]) => client)) };
}
