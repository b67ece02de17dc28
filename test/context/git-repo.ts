import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** File path → new contents, or null to delete it. */
export type Change = Record<string, string | Buffer | null>;

/** A throw-away git repository, built commit by commit. */
export class GitRepo {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'riskgate-git-'));

  constructor() {
    this.git('init', '-q');
    this.git('symbolic-ref', 'HEAD', 'refs/heads/main');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'dev@example.com',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'dev@example.com',
      },
    }).trim();
  }

  commit(change: Change, message = 'change'): string {
    for (const [file, contents] of Object.entries(change)) {
      const full = path.join(this.dir, file);
      if (contents === null) {
        this.git('rm', '-q', '--', file);
        continue;
      }
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, contents);
      this.git('add', '--', file);
    }
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  rename(from: string, to: string): void {
    this.git('mv', from, to);
  }

  branch(name: string): void {
    this.git('checkout', '-q', '-b', name);
  }

  checkout(name: string): void {
    this.git('checkout', '-q', name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
