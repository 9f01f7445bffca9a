/**
 * Where a command's output goes, from its redirections in order, as bash sets them up: `> f` and
 * `2> f` send a stream to a file (the last one for a stream wins; an earlier one is only created
 * or truncated), `2>&1` / `>&2` join a stream to where the other goes now, `/dev/null` drops it.
 * The files get their text after the command; the shell (local or in a pod) writes them.
 */
import type { CommandIO } from './io.ts';
import type { Redirect } from './parser.ts';

export interface RedirectFile {
  fd: 1 | 2;
  path: string;
  append: boolean;
  /** What the command wrote to it. */
  text: string;
}

export function routeOutput(redirects: readonly Redirect[], io: Pick<CommandIO, 'stdout' | 'stderr'>): { stdout: (t: string) => void; stderr: (t: string) => void; files: RedirectFile[] } {
  let out = (t: string) => io.stdout(t);
  let err = (t: string) => io.stderr(t);
  const files: RedirectFile[] = [];
  for (const r of redirects) {
    if (r.target === '&1') {
      if (r.fd === 2) err = out;
    } else if (r.target === '&2') {
      if (r.fd === 1) out = err;
    } else if (r.target === '/dev/null') {
      if (r.fd === 1) out = () => {};
      else err = () => {};
    } else {
      const f: RedirectFile = { fd: r.fd, path: r.target, append: r.append, text: '' };
      files.push(f);
      const into = (t: string) => {
        f.text += t;
      };
      if (r.fd === 1) out = into;
      else err = into;
    }
  }
  return { stdout: (t) => out(t), stderr: (t) => err(t), files };
}
