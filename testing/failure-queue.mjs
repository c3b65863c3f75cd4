// Shared by the test servers: errors queued per route/operation with failNext(), taken one request at a time.

/**
 * @param {string} label  the stand-in's name, for error messages
 * @param {readonly string[]} names  the routes or operations that can fail
 * @param {string} noun  what a name is ('route', 'operation'), for error messages
 */
export function failureQueue(label, names, noun) {
  /** @type {Map<string, any[]>} */
  let queues = new Map();
  return {
    /** Queue `error` ({ status 400-599, ... }) for the next `times` requests of `name`. */
    add(name, error, times = 1) {
      if (!names.includes(name)) throw new Error(`${label}: unknown ${noun} ${name}`);
      if (!Number.isInteger(error.status) || error.status < 400 || error.status > 599) {
        throw new Error(`${label}: failNext status must be 400-599, got ${error.status}`);
      }
      if (!(times >= 1)) throw new Error(`${label}: failNext times must be >= 1`);
      const queue = queues.get(name) ?? [];
      queue.push({ ...error, remaining: times });
      queues.set(name, queue);
    },
    /** The error for this request of `name`, if one is queued. */
    take(name) {
      const queue = queues.get(name);
      if (!queue || queue.length === 0) return undefined;
      const f = queue[0];
      f.remaining -= 1;
      if (f.remaining <= 0) queue.shift();
      return f;
    },
    /** How many failures are still queued (for `name`, or all). */
    pending(name) {
      const lists = name ? [queues.get(name) ?? []] : [...queues.values()];
      return lists.reduce((n, q) => n + q.reduce((m, f) => m + f.remaining, 0), 0);
    },
    reset() {
      queues = new Map();
    },
  };
}
