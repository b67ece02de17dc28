import { minimatch } from 'minimatch';

/** File globs (minimatch, dotfiles included); a leading `!` excludes. A list of only exclusions starts from "all". */
export function compileFileGlobs(globs: readonly string[] | undefined): (path: string) => boolean {
  if (!globs || globs.length === 0) return () => true;
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const matches = (path: string, list: string[]) => list.some((glob) => minimatch(path, glob, { dot: true }));
  return (path) => (include.length === 0 || matches(path, include)) && !matches(path, exclude);
}

/** Check and status names: whole-string match where `*` is any run of characters (`/` and spaces included). */
export function compileNameGlob(glob: string): (name: string) => boolean {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'))
    .join('.*');
  const pattern = new RegExp(`^${body}$`, 's');
  return (name) => pattern.test(name);
}
