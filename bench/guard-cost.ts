/**
 * What the server's guard (server/sync/guard, issue 12) costs per update, measured in this process
 * so the figure is not lost in the end-to-end benchmark's noise: `npm run bench -- --guard`, or
 * `node --experimental-strip-types bench/guard-cost.ts`. On a large realistic board
 * (bench/guard-cost-board.ts) and on the bench room's small one, it times `checkUpdate` on each
 * update against `Y.applyUpdate` of the same update on a copy of the same document, in the order a
 * room does them (check, then apply): (a) one typed character in a story, (b) 50 cards pasted (or
 * brought back from offline) as one update; and, on the small board, the words `npm run bench`
 * types. A feeling is no longer measured here: since issue 17 ("feelings without names") the server
 * writes every feeling itself (PUT /api/boards/:id/feelings/:touchpointId) without the guard, which
 * refuses any a client writes — so no feeling passes the check any more (bench/feeling-path.ts
 * measures that path). Then the memory of a loaded room of the large board with
 * and without the guard's record of who owns each Yjs client id (heap + external after a full GC),
 * loaded from a real LibSQL file as the server loads it. Prints a markdown section.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { boardTypes, newTouchpoint } from '../shared/board-document.ts';
import { groupedBoardLog } from '../server/sync/grouped-board-log.ts';
import { DocumentWriter } from '../server/sync/document-writer.ts';
import { checkUpdate, type Sender } from '../server/sync/guard/update-guard.ts';
import { Room } from '../server/sync/room.ts';
import type { ClientClaim } from '../server/ports/board-log.ts';
import { openLibsqlDatabase } from '../server/storage/libsql-database.ts';
import { createSqlDocumentStore } from '../server/storage/libsql-document-store.ts';
import { migrate } from '../server/storage/migrations.ts';
import { readMemory } from '../test/support/memory.ts';
import { seededRandom, type SeededRandom } from '../test/support/seeded-random.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { buildBenchBoard, buildLargeBoard, clientId, deviceCopy, loaded, prose, type GuardBoard } from './guard-cost-board.ts';
import { count, markdownTable } from './stats.ts';

/** Updates made by one device, in the order it made them, and who sent them. */
interface Workload {
  label: string;
  sender: Sender;
  updates: Uint8Array[];
  /** How many of the first updates warm the JIT up and are not counted. */
  warmUp: number;
  /** True when each update is applied to a fresh copy of the board instead of in sequence. */
  fresh: boolean;
}

interface Timing {
  label: string;
  board: string;
  /** Updates timed per pass, and passes of each kind. */
  timed: number;
  passes: number;
  bytesP50: number;
  /** Per pass: this thread's CPU time (µs) and wall time (µs) over the timed updates, with the check and without it. */
  withCheck: { cpu: number; wall: number }[];
  applyOnly: { cpu: number; wall: number }[];
  /** Wall time of each check and each apply (µs), from the passes with the check. */
  check: number[];
  apply: number[];
}

/** Every update `write` makes in `doc`, one per transaction. */
function recordUpdates(doc: Y.Doc, write: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array): void => void updates.push(update);
  doc.on('update', onUpdate);
  try {
    write();
  } finally {
    doc.off('update', onUpdate);
  }
  return updates;
}

/** (a) Typing: runs of 30 characters, one transaction each, at a random place in a random story. */
function typing(board: GuardBoard, random: SeededRandom, characters: number, warmUp: number): Workload {
  const editor = board.editors[0]!;
  const device = deviceCopy(board.doc, clientId(random));
  const { touchpoints } = boardTypes(device);
  const updates = recordUpdates(device, () => {
    for (let typed = 0; typed < characters + warmUp; ) {
      const story = touchpoints.get(random.pick(board.touchpointIds))!.get('story') as Y.Text;
      let at = random.int(0, story.length);
      for (const char of prose(random, 30)) {
        if (typed++ >= characters + warmUp) break;
        story.insert(at++, char);
      }
    }
  });
  return { label: '(a) one typed character in a story', sender: editor, updates, warmUp, fresh: false };
}

/** (b) 50 new cards with titles and stories in one stage, as one update; each from a fresh device copy. */
function paste(board: GuardBoard, random: SeededRandom, times: number, warmUp: number): Workload {
  const editor = board.editors[1]!;
  const updates: Uint8Array[] = [];
  for (let rep = 0; rep < times + warmUp; rep++) {
    const device = deviceCopy(board.doc, clientId(random));
    const { touchpoints } = boardTypes(device);
    const stageId = random.pick(board.stageIds);
    const last = [...touchpoints.values()].filter((card) => card.get('stageId') === stageId).map((card) => card.get('order') as string).sort().at(-1) ?? null;
    const orders = generateNKeysBetween(last, null, 50);
    updates.push(
      ...recordUpdates(device, () =>
        device.transact(() => {
          orders.forEach((order, i) => {
            const id = `paste-${rep}-${String(i).padStart(3, '0')}`;
            touchpoints.set(id, newTouchpoint({ id, stageId, order, title: prose(random, 40).trim(), story: prose(random, 400), createdBy: editor.userId, createdAt: Date.UTC(2026, 11, 2) }));
          });
        }),
      ),
    );
    device.destroy();
  }
  return { label: '(b) 50 cards pasted (or an offline burst) as one update', sender: editor, updates, warmUp, fresh: true };
}

/** The bench's own workload: a word (`w42 `) typed at a random place in one of the room's stories. */
function benchWords(board: GuardBoard, random: SeededRandom, words: number, warmUp: number): Workload {
  const device = deviceCopy(board.doc, clientId(random));
  const { touchpoints } = boardTypes(device);
  const updates = recordUpdates(device, () => {
    for (let i = 0; i < words + warmUp; i++) {
      const story = touchpoints.get(board.touchpointIds[1 + (i % 4)]!)!.get('story') as Y.Text;
      story.insert(random.int(0, story.length), `w${i} `);
    }
  });
  return { label: "a word typed as `npm run bench` types it (`w42 `)", sender: board.editors[0]!, updates, warmUp, fresh: false };
}

/** CPU time of this thread so far in µs (Linux counts it in scheduler ticks: only sums over long spans are exact). */
const threadCpu = (): number => {
  const { user, system } = process.threadCpuUsage();
  return user + system;
};

/**
 * One pass over a workload as a room runs it — `checkUpdate` against the document, then
 * `Y.applyUpdate` — or, with `check` false, the applies alone, so that the difference of the two
 * passes' CPU time is what the check adds (its allocations' garbage collection included). In
 * sequence, one copy of the board takes every update in turn; `fresh` workloads are each checked
 * against the board and applied to a new copy of it, all made before the clock starts.
 */
function pass(board: GuardBoard, workload: Workload, check: boolean, timing: Timing): void {
  const owners = new Map(board.owners);
  const doc = loaded(board.doc);
  const run = (update: Uint8Array, target: Y.Doc, times: { check: number[]; apply: number[] } | null): void => {
    const t0 = performance.now();
    const accepted = check ? checkUpdate(doc, update, workload.sender, (id) => owners.get(id)) : null;
    const t1 = performance.now();
    Y.applyUpdate(target, update, 'guard-cost');
    const t2 = performance.now();
    if (accepted && !workload.fresh) for (const id of accepted.clients) owners.set(id, workload.sender.userId);
    times?.check.push((t1 - t0) * 1000);
    times?.apply.push((t2 - t1) * 1000);
  };
  const warmUp = workload.updates.slice(0, workload.warmUp);
  const timed = workload.updates.slice(workload.warmUp);
  for (const update of warmUp) {
    const target = workload.fresh ? loaded(board.doc) : doc;
    run(update, target, null);
    if (target !== doc) target.destroy();
  }
  const targets = timed.map(() => (workload.fresh ? loaded(board.doc) : doc));
  // A full GC first, so the previous pass's garbage is not collected on this one's clock.
  readMemory();
  const cpu0 = threadCpu();
  const wall0 = performance.now();
  for (const [i, update] of timed.entries()) run(update, targets[i]!, check ? timing : null);
  const spent = { cpu: threadCpu() - cpu0, wall: (performance.now() - wall0) * 1000 };
  (check ? timing.withCheck : timing.applyOnly).push(spent);
  for (const target of new Set(targets)) target.destroy();
  doc.destroy();
}

/** `passes` passes with the check and as many without, alternating which goes first. */
function measure(board: GuardBoard, workload: Workload, passes: number): Timing {
  const timing: Timing = {
    label: workload.label,
    board: board.name,
    timed: workload.updates.length - workload.warmUp,
    passes,
    bytesP50: median(workload.updates.map((u) => u.byteLength)),
    withCheck: [],
    applyOnly: [],
    check: [],
    apply: [],
  };
  for (let round = 0; round < passes; round++) {
    for (const check of round % 2 === 0 ? [true, false] : [false, true]) pass(board, workload, check, timing);
  }
  return timing;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
const us = (value: number): string => (value >= 100 ? count(value) : value.toFixed(1));

interface MemoryRow {
  label: string;
  ids: number;
  /** Heap used + external per room, one figure per reading. */
  bytesPerRoom: number[];
}

/** Memory after a full GC, once buffers freed by an earlier GC have been released too. */
async function settledMemory(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  readMemory();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const { heapUsed, external } = readMemory();
  return heapUsed + external;
}

/**
 * Heap + external memory of rooms of `board`, each loaded from a real LibSQL file as the Node
 * server loads a board (snapshot, log, client-owner record), per room, after a full GC: with no
 * owner record, with the record as stored (everyone who wrote on the board), and with 1,000 ids
 * recorded (a board used for months: each page load that writes brings a new Yjs client id).
 * The variants alternate in order from reading to reading.
 */
async function roomMemory(board: GuardBoard, readings: number, roomsPerReading: number): Promise<MemoryRow[]> {
  const folder = makeTempDir('guard-cost-');
  const db = await openLibsqlDatabase({ url: `file:${join(folder.path, 'guard-cost.db')}` });
  try {
    await migrate(db);
    const store = createSqlDocumentStore({ db, now: () => Date.now() });
    const writer = new DocumentWriter({ store, schedule: (flush) => void setImmediate(flush), onError: (error) => console.error(error) });
    const boardId = 'guard-cost-board';
    const claims: ClientClaim[] = [...board.owners].map(([id, userId]) => ({ clientId: id, userId }));
    const random = seededRandom(99);
    const people = [...board.owners.values()];
    const many: ClientClaim[] = [...claims];
    while (many.length < 1000) many.push({ clientId: clientId(random), userId: random.pick(people) });
    await store.write({ appends: [{ boardId, update: Y.encodeStateAsUpdate(board.doc), claims: many }], compactions: [] });
    type Keep = (claim: ClientClaim) => boolean;
    const variants: { row: MemoryRow; keep: Keep }[] = [
      { row: { label: 'a loaded room, no client-owner record', ids: 0, bytesPerRoom: [] }, keep: () => false },
      { row: { label: `a loaded room with its record (${claims.length} ids: everyone who wrote on it)`, ids: claims.length, bytesPerRoom: [] }, keep: (claim) => board.owners.has(claim.clientId) },
      { row: { label: 'a loaded room with 1,000 ids recorded', ids: many.length, bytesPerRoom: [] }, keep: () => true },
    ];
    /** Rooms loaded the way the server loads one, with the recorded ids `keep` keeps. */
    const loadRooms = async (keep: Keep): Promise<Room[]> => {
      const rooms: Room[] = [];
      for (let k = 0; k < roomsPerReading; k++) {
        const stored = await store.load(boardId);
        const clientOwners = (stored.clientOwners ?? []).filter(keep);
        rooms.push(new Room({ boardId, stored: { ...stored, clientOwners }, log: groupedBoardLog(boardId, store, writer), compactAfterUpdates: 500, compactAfterBytes: 8 << 20, onEmpty: () => undefined, onError: (error) => console.error(error) }));
      }
      return rooms;
    };
    for (let reading = 0; reading < readings; reading++) {
      for (const variant of reading % 2 === 0 ? variants : [...variants].reverse()) {
        const before = await settledMemory();
        let rooms: Room[] | null = await loadRooms(variant.keep);
        const after = await settledMemory();
        variant.row.bytesPerRoom.push((after - before) / rooms.length);
        rooms.forEach((room) => room.destroy());
        rooms = null;
      }
    }
    writer.close();
    return variants.map((variant) => variant.row);
  } finally {
    db.close();
    folder.remove();
  }
}

/** Bytes per entry of a Map from Yjs client id to a fresh 22-character user id, like the room's. */
async function ownerMapEntryBytes(entries: number): Promise<number> {
  const random = seededRandom(7);
  const before = await settledMemory();
  const map = new Map<number, string>();
  for (let i = 0; i < entries; i++) map.set(clientId(random), Buffer.from(random.bytes(16)).toString('base64url'));
  const after = await settledMemory();
  if (map.size !== entries) throw new Error('client ids collided');
  return (after - before) / entries;
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

export async function guardCostSection(progress: (line: string) => void): Promise<string> {
  progress('guard cost: building the large board');
  const buildStart = performance.now();
  const large = buildLargeBoard();
  const small = buildBenchBoard();
  const stateBytes = Y.encodeStateAsUpdate(large.doc).byteLength;
  progress(`  built in ${((performance.now() - buildStart) / 1000).toFixed(1)} s: ${count(stateBytes)} bytes`);
  const random = seededRandom(2026);
  const runs: [GuardBoard, Workload, number][] = [
    [large, typing(large, random, 3000, 500), 6],
    [large, paste(large, random, 20, 3), 6],
    [small, benchWords(small, random, 2000, 500), 6],
  ];
  const timings: Timing[] = [];
  for (const [board, workload, passes] of runs) {
    progress(`  ${workload.label}: ${workload.updates.length - workload.warmUp} updates, ${passes} passes with the check and ${passes} without`);
    timings.push(measure(board, workload, passes));
  }
  progress('  memory');
  const entryBytes = await ownerMapEntryBytes(10_000);
  const memory = await roomMemory(large, 4, 4);

  const rows = timings.map((t) => {
    const perUpdate = (spans: { cpu: number; wall: number }[], key: 'cpu' | 'wall') => median(spans.map((span) => span[key])) / t.timed;
    const applyCpu = perUpdate(t.applyOnly, 'cpu');
    const checkCpu = perUpdate(t.withCheck, 'cpu') - applyCpu;
    const applyWall = perUpdate(t.applyOnly, 'wall');
    const checkWall = perUpdate(t.withCheck, 'wall') - applyWall;
    return [
      t.label,
      t.board,
      count(t.bytesP50),
      `${count(t.timed)} × ${t.passes}`,
      `${us(checkCpu)} / ${us(checkWall)} / ${us(median(t.check))}`,
      `${us(applyCpu)} / ${us(applyWall)} / ${us(median(t.apply))}`,
      `${(checkCpu / applyCpu).toFixed(2)}×`,
    ];
  });
  const base = median(memory[0]!.bytesPerRoom);
  const memoryRows = memory.map((row) => {
    const perRoom = median(row.bytesPerRoom);
    const range = `${kib(Math.min(...row.bytesPerRoom))}–${kib(Math.max(...row.bytesPerRoom))}`;
    return [row.label, count(row.ids), `${count(perRoom / 1024)} (${range})`, row.ids === 0 ? '–' : kib(perRoom - base)];
  });
  return [
    '### The guard alone, in process',
    '',
    `Boards: *large* — ${large.shape}; ${count(stateBytes)} bytes as one Yjs update, ${count(large.owners.size)} Yjs client ids. *bench's room* — ${small.shape}, the room \`npm run bench\` types into. Node ${process.version}.`,
    '',
    markdownTable(
      ['update', 'board', 'bytes (p50)', 'updates × passes', 'checkUpdate µs per update: CPU / wall / wall p50', 'Y.applyUpdate µs per update: CPU / wall / wall p50', 'check ÷ apply (CPU)'],
      rows,
      2,
    ),
    '',
    "Per pass, each update is checked against the document and then applied to it, as the room does ((b): checked against the board, applied to a fresh copy of it); a pass of applies alone on a fresh copy gives the apply figure, and the check's is the difference (the garbage its allocations make included). CPU: this thread's CPU time over the pass (counted in scheduler ticks, so only sums over a pass are exact), median of the passes; wall: the same from the wall clock; wall p50: the median single check or apply. Warm-up updates before each pass are not counted. No feeling is in the table: since feelings without names (issue 17) the server writes each one itself (`PUT /api/boards/:id/feelings/:touchpointId`), and the guard refuses any a client writes, so none passes the check; that path is measured by `bench/feeling-path.ts`.",
    '',
    markdownTable(['room of the large board', 'client ids recorded', 'heap + external per room, KiB: median (range)', 'more than without a record, KiB'], memoryRows),
    '',
    `Rooms loaded from a LibSQL file as the server loads them (a room holds the document and the stored bytes it was loaded from), 4 per reading, 4 readings per row (order alternating), full GC before each reading. A Map from client id to a fresh 22-character user id alone: ${entryBytes.toFixed(0)} bytes per entry (10,000 entries).`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  guardCostSection((line) => void process.stderr.write(`${line}\n`)).then(
    (section) => console.log(section),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
