import { Minimatch } from 'minimatch';

/** File globs (minimatch, dotfiles included); a leading `!` excludes. A list of only exclusions starts from "all". */
export function compileFileGlobs(globs: readonly string[] | undefined): (path: string) => boolean {
  if (!globs || globs.length === 0) return () => true;
  const compile = (list: string[]) => list.map((glob) => new Minimatch(glob, { dot: true }));
  const include = compile(globs.filter((glob) => !glob.startsWith('!')));
  const exclude = compile(globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)));
  const matches = (path: string, list: Minimatch[]) => list.some((matcher) => matcher.match(path));
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
