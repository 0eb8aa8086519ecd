/**
 * The page's reading of the server's clock (client/src/board/session/server-clock.ts, issue 15):
 * a device whose clock is minutes out learns the offset from `GET /api/time` answers to within
 * half of the quickest answer's round trip, keeping that quickest answer among several whatever
 * order they come in; an answer that does not come is skipped, and none at all is no measure.
 * The server and the network here are a simulated timeline: the device's clocks are read from it,
 * the server reads the true time at the moment the question reaches it.
 */
import { describe, expect, it } from 'vitest';
import { measureOffset, sampleOf, surest, timed, type DeviceClocks } from '../../client/src/board/session/server-clock.ts';

/** A device `skew` ms out from the server, asking over a network with these (there, back) delays. */
function simulated(skew: number, delays: readonly (readonly [number, number] | 'lost')[]) {
  let trueTime = 1_800_000_000_000;
  let asked = 0;
  const clocks: DeviceClocks = { steady: () => trueTime - 1_800_000_000_000 + 42, wall: () => trueTime + skew };
  const ask = async () => {
    const delay = delays[asked++ % delays.length]!;
    if (delay === 'lost') {
      trueTime += 5_000;
      throw new Error('no answer');
    }
    trueTime += delay[0];
    const now = trueTime;
    trueTime += delay[1];
    return { now };
  };
  return { clocks, ask, asked: () => asked };
}

describe('the server’s clock as a page reads it', () => {
  it('takes offset = server now + round trip / 2 − the device’s time at the answer', () => {
    expect(sampleOf(10_000, 500, 700, 9_000)).toEqual({ offset: 1_100, roundTrip: 200 });
    // A steady clock never runs backwards, but a round trip is never below 0 either.
    expect(sampleOf(10_000, 700, 500, 10_000).roundTrip).toBe(0);
  });

  it('keeps the sample with the shortest round trip', () => {
    const a = { offset: 5, roundTrip: 300 };
    const b = { offset: 9, roundTrip: 40 };
    expect(surest(a, null, b, undefined)).toBe(b);
    expect(surest()).toBeNull();
  });

  it('learns a clock 90 s fast and one 3 minutes slow to within half the quickest round trip', async () => {
    for (const skew of [90_000, -180_000]) {
      // The quickest answer is the second: 20 ms there, 60 back (off by at most 40 ms).
      const network = simulated(skew, [
        [400, 50],
        [20, 60],
        [5, 600],
      ]);
      const sample = await measureOffset(network.ask, network.clocks);
      expect(network.asked()).toBe(3);
      expect(sample?.roundTrip).toBe(80);
      expect(Math.abs(sample!.offset - -skew)).toBeLessThanOrEqual(40);
      // With the offset, the device tells the server's time, not its own.
      const serverNow = (await network.ask()).now;
      expect(Math.abs(network.clocks.wall() + sample!.offset - serverNow)).toBeLessThan(1_000);
    }
  });

  it('is exact when the way there and back take as long', async () => {
    const network = simulated(-75_321, [[30, 30]]);
    expect((await measureOffset(network.ask, network.clocks))?.offset).toBe(75_321);
  });

  it('skips answers that do not come, and measures nothing when none do', async () => {
    const some = simulated(60_000, ['lost', [10, 10], 'lost']);
    expect((await measureOffset(some.ask, some.clocks))?.offset).toBe(-60_000);
    const none = simulated(60_000, ['lost']);
    expect(await measureOffset(none.ask, none.clocks)).toBeNull();
  });

  it('times any question whose answer carries the server’s now (a session action’s)', async () => {
    const network = simulated(12_000, [[100, 100]]);
    const { answer, sample } = await timed(network.ask, network.clocks);
    expect(typeof answer.now).toBe('number');
    expect(sample).toEqual({ offset: -12_000, roundTrip: 200 });
  });
});
