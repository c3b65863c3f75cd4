// The Log port on @actions/core's workflow commands.
import * as core from '@actions/core';
import type { Log } from '../model/ports.js';

export const actionsLog: Log = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  notice: (m) => core.notice(m),
  warning: (m) => core.warning(m),
  group: (name, fn) => core.group(name, fn),
};
