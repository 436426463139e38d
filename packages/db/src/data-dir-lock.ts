// PGlite does not stop a second process from opening the same files, and two openers silently
// lose writes; so whoever opens the data folder's database first holds this lock file, and
// every later opener fails loudly until that process is gone.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Comity process (pid ${holder.pid}, ${holder.purpose}` +
        `${holder.url ? ` at ${holder.url}` : ''}, since ${holder.since}). Stop that process first; ` +
        'two processes on one embedded database would lose writes.',
    );
  }
}

export interface LockHolder {
  pid: number;
  purpose: string;
  since: string;
  url?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, 'comity.lock'), 'utf8')) as LockHolder;
    return alive(holder.pid) && holder.pid !== process.pid ? holder : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  update(extra: Partial<LockHolder>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'comity.lock');
  let holder: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails when the file exists: creation is the atomic test-and-set.
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      return {
        update(extra) {
          holder = { ...holder, ...extra };
          const fd2 = openSync(path, 'w', 0o600);
          writeSync(fd2, JSON.stringify(holder));
          closeSync(fd2);
        },
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let existing: LockHolder | null = null;
      try {
        existing = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      } catch {
        existing = null;
      }
      if (existing && alive(existing.pid)) throw new DataDirLockedError(dataDir, existing);
      // The holder died (for example killed with SIGKILL): the lock is stale, take it over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock in ${dataDir}`);
}
