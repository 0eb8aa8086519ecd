/**
 * The password-hash gate on its own: at most `concurrency` run, a freed slot goes to a waiting
 * sign-in before any waiting new hash, a full line is refused at once with 503 and Retry-After,
 * and a failed hash frees its slot. The work is promises the test settles, so every step is exact.
 */
import { describe, expect, it } from 'vitest';
import { HashGate, type HashLane } from '../../server/auth/hash-gate.ts';
import { AppError } from '../../server/http/app-error.ts';

/** A piece of work the test finishes by hand; `started` tells whether the gate let it run. */
function work(gate: HashGate, lane: HashLane, name: string, log: string[]) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const result = gate.run(lane, () => {
    log.push(name);
    return done;
  });
  return { result, finish, fail };
}

/** Lets every settled promise's continuations run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HashGate', () => {
  it('runs at most `concurrency` at once and starts the next when one ends', async () => {
    const gate = new HashGate({ concurrency: 2, maxWaitingNewHashes: 10 });
    const log: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => work(gate, 'hash', name, log));
    await settle();
    expect(log).toEqual(['a', 'b']);
    expect(gate.stats()).toEqual({ running: 2, waitingSignIns: 0, waitingNewHashes: 2 });
    jobs[1]!.finish();
    await settle();
    expect(log).toEqual(['a', 'b', 'c']);
    for (const job of jobs) job.finish();
    await Promise.all(jobs.map((job) => job.result));
    expect(gate.stats()).toEqual({ running: 0, waitingSignIns: 0, waitingNewHashes: 0 });
  });

  it('gives a freed slot to a waiting sign-in before new hashes that waited longer', async () => {
    const gate = new HashGate({ concurrency: 1, maxWaitingNewHashes: 10 });
    const log: string[] = [];
    const running = work(gate, 'hash', 'running', log);
    const early = [work(gate, 'hash', 'new 1', log), work(gate, 'hash', 'new 2', log)];
    const signIn = work(gate, 'verify', 'sign-in', log);
    await settle();
    running.finish();
    await settle();
    expect(log).toEqual(['running', 'sign-in']);
    signIn.finish();
    await settle();
    expect(log).toEqual(['running', 'sign-in', 'new 1']);
    for (const job of early) job.finish();
    await Promise.all([running.result, signIn.result, ...early.map((job) => job.result)]);
  });

  it('refuses at once with 503 and Retry-After when a line is full, and never runs the refused work', async () => {
    const gate = new HashGate({ concurrency: 1, maxWaitingNewHashes: 1, maxWaitingSignIns: 1, retryAfterSeconds: 7 });
    const log: string[] = [];
    const running = work(gate, 'hash', 'running', log);
    const waiting = work(gate, 'hash', 'waiting', log);
    const refused = work(gate, 'hash', 'refused', log);
    const error = await refused.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503, retryAfterSeconds: 7, message: expect.stringContaining('wait 7 seconds') });
    // The sign-in line is separate: it still has room.
    const signIn = work(gate, 'verify', 'sign-in', log);
    await expect(work(gate, 'verify', 'second sign-in', log).result).rejects.toMatchObject({ code: 'unavailable' });
    running.finish();
    signIn.finish();
    waiting.finish();
    await Promise.all([running.result, signIn.result, waiting.result]);
    expect(log).toEqual(['running', 'sign-in', 'waiting']);
  });

  it('frees the slot when a hash fails', async () => {
    const gate = new HashGate({ concurrency: 1 });
    const log: string[] = [];
    const failing = work(gate, 'hash', 'failing', log);
    const next = work(gate, 'verify', 'next', log);
    failing.fail(new Error('scrypt failed'));
    await expect(failing.result).rejects.toThrow('scrypt failed');
    await settle();
    expect(log).toEqual(['failing', 'next']);
    next.finish();
    await next.result;
    expect(gate.stats().running).toBe(0);
  });

  it('refuses nonsense limits', () => {
    expect(() => new HashGate({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => new HashGate({ maxWaitingNewHashes: -1 })).toThrow(/maxWaitingNewHashes/);
  });
});
