/**
 * This person's vote requests, sent one at a time in the order they were made (issue 15). Two
 * quick presses of "Give a dot" must not race: sent together, the first answer could arrive last
 * and put an older count on the page. Each task starts only once the one before has settled, so
 * every answer is newer than the last and the page can simply show it.
 */
import { createSignal, type Accessor } from 'solid-js';

export interface OneAtATime {
  /** Runs `task` after every task queued before it has settled; answers what it answers. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** How many tasks are queued or running. */
  waiting: Accessor<number>;
}

export function createOneAtATime(): OneAtATime {
  const [waiting, setWaiting] = createSignal(0);
  let last: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      setWaiting((n) => n + 1);
      const next = last.then(() => task());
      last = next.then(
        () => setWaiting((n) => n - 1),
        () => setWaiting((n) => n - 1),
      );
      return next;
    },
    waiting,
  };
}
