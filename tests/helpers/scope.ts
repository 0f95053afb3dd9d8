import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

type Disposer = () => unknown;

/**
 * Collects teardown steps (clients, servers, child processes, temp dirs) and
 * runs them in reverse order. `useScope()` registers the teardown with
 * vitest's afterEach so every test cleans up, also when it fails.
 */
export class Scope {
  private disposers: Disposer[] = [];

  defer(fn: Disposer): void {
    this.disposers.push(fn);
  }

  /** A fresh temp directory, removed at teardown. */
  tempDir(prefix = 'samskab-test-'): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.defer(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async dispose(): Promise<void> {
    const errors: unknown[] = [];
    while (this.disposers.length > 0) {
      const fn = this.disposers.pop() as Disposer;
      try {
        await fn();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'teardown failed');
  }
}

export function useScope(): Scope {
  const scope = new Scope();
  afterEach(() => scope.dispose());
  return scope;
}
