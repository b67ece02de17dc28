/** Bounds that keep hostile input (alias bombs, absurd nesting) from exhausting time, memory or the stack. */
export const MAX_DEPTH = 500;
export const MAX_LEAVES = 1_000_000;

export const TOO_DEEP = `nested too deeply (more than ${MAX_DEPTH} levels)`;
export const TOO_MANY_LEAVES = `too many values (more than ${MAX_LEAVES.toLocaleString('en-US')}); an alias bomb?`;
