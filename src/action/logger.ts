/** The contexts' Logger on a runner: workflow commands through @actions/core. */
import * as core from '@actions/core';
import type { Logger } from '../context/logger.js';

export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  debug: (message) => core.debug(message),
};
