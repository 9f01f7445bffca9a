/**
 * The virtual file system shared by the shell and the editor: `kubectl apply -f svc.yaml` reads
 * what the editor wrote. Paths are POSIX; the learner's home is the working directory.
 */
export const HOME = '/home/learner';

export type FsListener = (path: string, content: string | undefined) => void;

export class VirtualFS {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/', '/home', HOME]);
  private readonly listeners = new Set<FsListener>();
  cwd = HOME;

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.write(p, c);
  }

  resolve(path: string): string {
    const raw = path.startsWith('/') ? path : path === '~' || path.startsWith('~/') ? HOME + path.slice(1) : `${this.cwd}/${path}`;
    const parts: string[] = [];
    for (const seg of raw.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return '/' + parts.join('/');
  }

  /** The directory a path is in (`/home/learner` for `a.yaml`). */
  parentOf(path: string): string {
    const p = this.resolve(path);
    return p.slice(0, p.lastIndexOf('/')) || '/';
  }

  exists(path: string): boolean {
    const p = this.resolve(path);
    return this.files.has(p) || this.dirs.has(p);
  }

  isDir(path: string): boolean {
    return this.dirs.has(this.resolve(path));
  }

  read(path: string): string | undefined {
    return this.files.get(this.resolve(path));
  }

  write(path: string, content: string): void {
    const p = this.resolve(path);
    this.mkdirp(p.slice(0, p.lastIndexOf('/')) || '/');
    this.files.set(p, content);
    for (const l of this.listeners) l(p, content);
  }

  remove(path: string): boolean {
    const p = this.resolve(path);
    const had = this.files.delete(p);
    if (had) for (const l of this.listeners) l(p, undefined);
    return had;
  }

  /** A directory and everything below it (`rm -r`); false when there is no such directory. */
  removeTree(path: string): boolean {
    const p = this.resolve(path);
    if (!this.dirs.has(p) || p === '/') return false;
    for (const f of this.filesUnder(p)) this.remove(f);
    const prefix = p + '/';
    for (const d of [...this.dirs]) if (d === p || d.startsWith(prefix)) this.dirs.delete(d);
    return true;
  }

  mkdirp(path: string): void {
    let cur = '';
    for (const seg of this.resolve(path).split('/').filter(Boolean)) {
      cur += '/' + seg;
      this.dirs.add(cur);
    }
  }

  /** Entries directly inside a directory, sorted; directories end with '/'. */
  list(path: string): string[] {
    const p = this.resolve(path);
    const prefix = p === '/' ? '/' : p + '/';
    const out = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) out.add(f.slice(prefix.length));
    for (const d of this.dirs) if (d.startsWith(prefix) && d !== p && !d.slice(prefix.length).includes('/')) out.add(d.slice(prefix.length) + '/');
    return [...out].sort();
  }

  /** Every file under a directory (for `kubectl apply -f DIR`), sorted by path. */
  filesUnder(path: string): string[] {
    const p = this.resolve(path);
    const prefix = p === '/' ? '/' : p + '/';
    return [...this.files.keys()].filter((f) => f.startsWith(prefix)).sort();
  }

  /** All files, for persistence and the editor's file list. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  onChange(listener: FsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
