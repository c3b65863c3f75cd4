// The Log port on the runner's workflow commands (src/io/runner.ts).
import * as runner from './runner.js';
import type { Log } from '../model/ports.js';

export const actionsLog: Log = {
  info: (m) => runner.info(m),
  debug: (m) => runner.debug(m),
  notice: (m) => runner.notice(m),
  warning: (m) => runner.warning(m),
  group: (name, fn) => runner.group(name, fn),
  get debugging() {
    return runner.isDebug();
  },
};
