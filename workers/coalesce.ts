/**
 * Joins calls of `run` that come while one is in flight: they share the next run, started once the
 * current one settles, so each call is answered by a run that began after it was made (as its own
 * would have). For adds whose repeats do nothing more (a deduplicated job): one round trip for a
 * burst of calls, not one each. The next run gets the first waiting call's argument.
 */
export function coalesced<T>(run: (arg: T) => Promise<unknown>): (arg: T) => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (arg: T): Promise<void> => {
    const current = run(arg).then(() => {});
    running = current;
    const settled = () => {
      if (running === current) running = null;
    };
    current.then(settled, settled);
    return current;
  };
  return (arg) => {
    if (!running) return start(arg);
    if (!next) {
      next = running
        .catch(() => {})
        .then(() => {
          next = null;
          return start(arg);
        });
    }
    return next;
  };
}
