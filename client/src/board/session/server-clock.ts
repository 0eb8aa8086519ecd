/**
 * The server's clock as this device can know it (issue 15): the live session's timer is stamped
 * with the server's time, and a device whose own clock is minutes out must still count down to
 * the same moment as everyone else. The page asks `GET /api/time` a few times, keeps the answer
 * with the shortest round trip (the least doubt about when the server read its clock) and takes
 * offset = server now + round trip / 2 − this device's time at the answer. It asks once the board
 * is live, again each time the connection comes back and when the page is shown again (a sleeping device's clock may have been
 * set meanwhile); each session action's answer carries the server's `now` too, and is kept when
 * its round trip was shorter still.
 */
import { createEffect, createResource, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ServerTime } from '../../../../shared/api.ts';

/** One reading of the server's clock, with how long the question took. */
export interface ClockSample {
  /** Server time minus this device's time, in ms. */
  offset: number;
  /** The round trip it was read in, in ms: the smaller, the surer. */
  roundTrip: number;
}

/** How this device tells time: a steady clock for durations, and its wall clock. */
export interface DeviceClocks {
  steady(): number;
  wall(): number;
}

export const deviceClocks: DeviceClocks = { steady: () => performance.now(), wall: () => Date.now() };

/** The sample from one answer: asked at `sentAt`, answered at `receivedAt` (steady clock), `wallAtReceipt` the wall clock then. */
export function sampleOf(serverNow: number, sentAt: number, receivedAt: number, wallAtReceipt: number): ClockSample {
  const roundTrip = Math.max(0, receivedAt - sentAt);
  return { offset: serverNow + roundTrip / 2 - wallAtReceipt, roundTrip };
}

/** The surest of `samples` (shortest round trip), or null when there are none. */
export function surest(...samples: readonly (ClockSample | null | undefined)[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const sample of samples) if (sample != null && (best === null || sample.roundTrip < best.roundTrip)) best = sample;
  return best;
}

/** Times one question to the server that answers its clock; the answer and its sample. */
export async function timed<T extends ServerTime>(ask: () => Promise<T>, clocks: DeviceClocks = deviceClocks): Promise<{ answer: T; sample: ClockSample }> {
  const sentAt = clocks.steady();
  const answer = await ask();
  return { answer, sample: sampleOf(answer.now, sentAt, clocks.steady(), clocks.wall()) };
}

/** How many times `GET /api/time` is asked each time the clock is measured. */
export const samplesPerMeasure = 3;

/**
 * Asks the server's time `count` times one after another and answers the surest sample, or null
 * when none came back (offline: the last measure stands).
 */
export async function measureOffset(ask: () => Promise<ServerTime>, clocks: DeviceClocks = deviceClocks, count = samplesPerMeasure): Promise<ClockSample | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    try {
      samples.push((await timed(ask, clocks)).sample);
    } catch {
      // Not reached this time; another try, or the last measure, will do.
    }
  }
  return surest(...samples);
}

export interface ServerClock {
  /** The server's time now, as well as this device can tell (its own clock until measured). */
  now(): number;
  /** Server time minus this device's time, in ms (0 until measured). */
  offset: Accessor<number>;
  /** Runs a question to the server whose answer carries its `now`, and learns from its timing. */
  timed<T extends ServerTime>(ask: () => Promise<T>): Promise<T>;
}

/**
 * Follows the server's clock while the board is open: measured each time `online` becomes true
 * (the first time too) and each time the page is shown again while online. Call inside a component.
 */
export function createServerClock(askTime: () => Promise<ServerTime>, online: Accessor<boolean>, clocks: DeviceClocks = deviceClocks): ServerClock {
  // No measure before the board is first live (offline, it could only fail); false asks nothing.
  const [round, setRound] = createSignal<number | false>(false);
  const again = () => setRound((n) => (n === false ? 1 : n + 1));
  createEffect(on(online, (isOnline) => isOnline && again()));
  const onShown = () => document.visibilityState === 'visible' && online() && again();
  document.addEventListener('visibilitychange', onShown);
  onCleanup(() => document.removeEventListener('visibilitychange', onShown));

  // A measure that found nothing keeps the one before it.
  const [measured] = createResource<ClockSample | null, number | false>(round, async (_round, { value }) => (await measureOffset(askTime, clocks)) ?? value ?? null);
  // The surest answer to a session action since the last measure began.
  const [refined, setRefined] = createSignal<ClockSample | null>(null);
  createEffect(on(round, () => setRefined(null), { defer: true }));
  // Read only once there is an answer, and `latest`: measuring must never suspend the board.
  const lastMeasure = () => (measured.state === 'ready' || measured.state === 'refreshing' ? measured.latest : null);
  const offset = () => surest(lastMeasure(), refined())?.offset ?? 0;
  return {
    now: () => clocks.wall() + offset(),
    offset,
    async timed(ask) {
      const { answer, sample } = await timed(ask, clocks);
      setRefined((current) => surest(current, sample));
      return answer;
    },
  };
}
