/** Runs `git` in one repository without a shell, and reads many objects with one `git cat-file --batch`. */
import { execFile } from 'node:child_process';
import { ContextError } from './context-error.js';

/** Enough for every object of a large range; `cat-file` output is the big one. */
const MAX_OUTPUT_BYTES = 1024 * 2 ** 20;

export interface GitObject {
  size: number;
  /** Null for `--batch-check`, which reports sizes only. */
  content: Buffer | null;
}

export class GitProcess {
  constructor(readonly cwd: string) {}

  run(args: string[], input?: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        {
          cwd: this.cwd,
          encoding: 'buffer',
          maxBuffer: MAX_OUTPUT_BYTES,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        },
        (error, stdout, stderr) =>
          error ? reject(this.failure(args, error, stderr.toString())) : resolve(stdout),
      );
      // An early exit closes stdin; the exit status above says why, so the pipe error adds nothing.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input ?? '');
    });
  }

  async text(args: string[]): Promise<string> {
    return (await this.run(args)).toString('utf8').trim();
  }

  /** Objects by name (`<sha>` or `<rev>:<path>`), in one process; a missing object is absent from the map. */
  async objects(names: string[], mode: '--batch' | '--batch-check'): Promise<Map<string, GitObject>> {
    const found = new Map<string, GitObject>();
    if (names.length === 0) return found;
    const output = await this.run(['cat-file', mode], names.map((name) => `${name}\n`).join(''));
    let offset = 0;
    for (const name of names) {
      const end = output.indexOf(0x0a, offset);
      const header = output.subarray(offset, end).toString('utf8');
      offset = end + 1;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      if (mode === '--batch-check') {
        found.set(name, { size, content: null });
        continue;
      }
      found.set(name, { size, content: output.subarray(offset, offset + size) });
      offset += size + 1;
    }
    return found;
  }

  private failure(args: string[], error: Error & { code?: unknown }, stderr: string): Error {
    if (error.code === 'ENOENT' && !stderr)
      return new ContextError('git is not installed or not on the PATH');
    const reason = stderr.split('\n').find((line) => line.trim()) ?? error.message;
    return new ContextError(
      `git ${args[0]} failed in ${this.cwd}: ${reason.replace(/^(fatal|error): /, '')}`,
    );
  }
}
