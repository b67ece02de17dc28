/**
 * Config files larger than this are not parsed: the engine reports them as unparseable (fail closed). Config is
 * written by people; a file this big is generated data, and parsing it would cost seconds of a runner's time.
 * Both repository contexts (GitHub and local git) use it, so a local evaluation decides as the action would.
 */
export const MAX_CONFIG_BYTES = 2 ** 20;
