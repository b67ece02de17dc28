/** Where contexts and publishers report progress; the action maps it onto @actions/core, the CLI onto stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** Writes to stderr so that stdout stays free for reports; debug lines only when `verbose`. */
export function createConsoleLogger(options: { verbose?: boolean } = {}): Logger {
  return {
    info: (message) => console.error(message),
    warning: (message) => console.error(`warning: ${message}`),
    error: (message) => console.error(`error: ${message}`),
    debug: (message) => {
      if (options.verbose) console.error(`debug: ${message}`);
    },
  };
}
