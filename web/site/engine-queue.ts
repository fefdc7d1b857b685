// One engine operation at a time, for a lesson controller: operations run one after another in the
// order asked for, a failed one is reported and the next still runs, and of several quick requests
// (a slider being dragged) only the newest runs.

export interface EngineQueue {
  /** Runs `fn` after every earlier operation; an error becomes a call to the queue's `onError`. */
  serial(fn: () => Promise<void>): Promise<void>;
  /** Runs `fn` once the engine is free unless a newer request (`latest` or `ticket`) came meanwhile. */
  latest(fn: () => Promise<void>): void;
  /** Counts a new request; the returned check says whether it is still the newest. */
  ticket(): () => boolean;
}

export function engineQueue(onError: (error: Error) => void): EngineQueue {
  let queue: Promise<void> = Promise.resolve();
  let generation = 0;
  const serial = (fn: () => Promise<void>): Promise<void> => {
    const next = queue.then(fn).catch((error: unknown) => onError(error as Error));
    queue = next;
    return next;
  };
  const ticket = () => {
    const mine = ++generation;
    return () => mine === generation;
  };
  return {
    serial,
    latest(fn) {
      const newest = ticket();
      void serial(async () => {
        if (newest()) await fn();
      });
    },
    ticket,
  };
}
