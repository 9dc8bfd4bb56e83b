import * as nodeFs from 'node:fs/promises';
import type { FsApi } from '../../electron/sync/shareFolder';

const REAL: FsApi = {
  readdir: nodeFs.readdir,
  readFile: nodeFs.readFile,
  open: nodeFs.open,
  link: nodeFs.link,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  rmdir: nodeFs.rmdir,
  mkdir: nodeFs.mkdir,
  stat: nodeFs.stat,
  lstat: nodeFs.lstat,
};

/** An fs error as Node raises it. */
export function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}

type Hook = (...args: unknown[]) => unknown;

/**
 * Node's fs with chosen calls failing the way network shares fail (EPERM/EBUSY on rename,
 * ENOSPC, a server gone half-way). `fail(op, when)` makes calls of `op` throw while `when` says so.
 */
export class FaultyFs {
  private readonly rules: Array<{ op: keyof FsApi; when: (path: string) => Error | null }> = [];
  private readonly substitutes: Array<{ pattern: RegExp; bytes: () => Buffer | null }> = [];
  readonly api: FsApi;

  constructor() {
    const wrap =
      (op: keyof FsApi): Hook =>
      (...args: unknown[]) => {
        const target = String(args[0]);
        for (const r of this.rules) {
          if (r.op !== op) continue;
          const error = r.when(target);
          if (error) return Promise.reject(error);
        }
        if (op === 'readFile')
          for (const sub of this.substitutes) {
            const bytes = sub.pattern.test(target) ? sub.bytes() : null;
            if (bytes) return Promise.resolve(bytes);
          }
        return (REAL[op] as unknown as Hook)(...args);
      };
    const ops: Array<keyof FsApi> = ['readdir', 'readFile', 'open', 'link', 'rename', 'unlink', 'rmdir', 'mkdir', 'stat', 'lstat'];
    this.api = Object.fromEntries(ops.map((op) => [op, wrap(op)])) as unknown as FsApi;
  }

  /** Calls of `op` on paths where `when` returns an error fail with it. Returns a function that removes the rule. */
  fail(op: keyof FsApi, when: (path: string) => Error | null): () => void {
    const rule = { op, when };
    this.rules.push(rule);
    return () => {
      const i = this.rules.indexOf(rule);
      if (i >= 0) this.rules.splice(i, 1);
    };
  }

  /** Reads of paths matching `pattern` return these bytes instead, while the rule stands. */
  readInstead(pattern: RegExp, bytes: () => Buffer | null): () => void {
    const rule = { pattern, bytes };
    this.substitutes.push(rule);
    return () => this.substitutes.splice(this.substitutes.indexOf(rule), 1);
  }

  /** The next `times` calls of `op` (on paths matching `pattern`) fail with `code`. */
  failTimes(op: keyof FsApi, code: string, times: number, pattern: RegExp = /./): void {
    let left = times;
    this.fail(op, (p) => {
      if (left <= 0 || !pattern.test(p)) return null;
      left -= 1;
      return fsError(code);
    });
  }
}
