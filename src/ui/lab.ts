/**
 * The learner's lab: one lesson session (src/lessons) plus everything needed to save and restore
 * it. Saving uses a log, not a snapshot: every command typed (with the virtual time it ran at,
 * the lines typed into interactive sessions, the content saved from `kubectl edit`, and when
 * Ctrl+C stopped it), every file saved from the editor, and every step action (show me, skip,
 * back, go to). Restoring replays that log on a fresh lesson session: the same seed and the same
 * inputs at the same virtual times rebuild the same cluster — names, IPs, resourceVersions,
 * random choices and pending timers included — without serialising timers or closures.
 * Checks run during the replay, so step progress comes back by itself.
 *
 * Plain TypeScript: tested in Node (test/ui/lab.test.ts).
 */
import { LessonSession } from '../lessons/engine.ts';
import type { ProgressSummary } from '../lessons/engine.ts';
import type { Lesson } from '../lessons/types.ts';
import type { CommandIO } from '../shell/io.ts';
import type { Shell } from '../shell/shell.ts';
import type { SafeStorage } from './storage.ts';

export const STATE_VERSION = 1;
export const KEY_PREFIX = 'kubelab:';
export const lessonKey = (id: string) => `${KEY_PREFIX}v${STATE_VERSION}:lesson:${id}`;
/** The sandbox of a lesson (its cluster, no steps) is saved apart from the lesson. */
export const sandboxKey = (id: string) => `${KEY_PREFIX}v${STATE_VERSION}:sandbox:${id}`;
/** The lab open last: a lesson id, or `sandbox:` and a lesson id. */
export const CURRENT_KEY = `${KEY_PREFIX}v${STATE_VERSION}:current`;

export type LogEntry =
  | { t: number; run: string; inputs?: (string | null)[]; abortAt?: number }
  | { t: number; write: string; content: string | null }
  | { t: number; act: 'showMe' | 'skip' | 'back' }
  | { t: number; goTo: number };

export interface SavedLesson {
  v: number;
  lessonId: string;
  startStep: number;
  log: LogEntry[];
  history: string[];
  /** The virtual time when saved: the clock moves on to it after the replay. */
  clock: number;
  /** The lesson's sandbox: its cluster with no steps. */
  sandbox?: boolean;
  /** Step statuses when saved, for the course overview (restoring replays the log instead). */
  progress?: ProgressSummary;
}

export type SleepFn = (seconds: number, signal: AbortSignal) => Promise<void>;

export class Lab {
  history: string[];
  private log: LogEntry[];
  private depth = 0;
  private replaying = false;
  private offFs?: () => void;
  private saveTimer?: ReturnType<typeof setTimeout>;

  private constructor(
    readonly lesson: Lesson,
    readonly session: LessonSession,
    private readonly startStep: number,
    private readonly storage: SafeStorage | undefined,
    private readonly realSleep: SleepFn | undefined,
    history: string[],
  ) {
    this.log = [];
    this.history = history;
    this.wire();
    session.on((e) => {
      if (e.type === 'shell-replaced') this.wire();
    });
  }

  /** A lab at a step's starting state (0-based), with nothing recorded yet; or the lesson's sandbox. */
  static async fresh(lesson: Lesson, step: number, opts: { storage?: SafeStorage; sleep?: SleepFn; sandbox?: boolean } = {}): Promise<Lab> {
    const session = await LessonSession.start(lesson, { step, sandbox: opts.sandbox });
    const lab = new Lab(lesson, session, step, opts.storage, opts.sleep, []);
    lab.save();
    return lab;
  }

  /** Rebuild a saved lab by replaying its log. Throws if the saved data is not usable. */
  static async restore(lesson: Lesson, saved: unknown, opts: { storage?: SafeStorage; sleep?: SleepFn } = {}): Promise<Lab> {
    const s = validate(saved, lesson.id);
    const session = await LessonSession.start(lesson, { step: s.startStep, sandbox: s.sandbox === true });
    const lab = new Lab(lesson, session, s.startStep, opts.storage, opts.sleep, s.history);
    lab.replaying = true;
    try {
      for (const e of s.log) await lab.replay(e);
      lab.shell.cluster.clock.advanceTo(s.clock);
    } finally {
      lab.replaying = false;
    }
    lab.log = s.log;
    return lab;
  }

  get shell(): Shell {
    return this.session.shell;
  }

  private now(): number {
    return this.shell.cluster.clock.now();
  }

  /** The shell's sleep waits in real time in the page, but not while replaying. */
  private wire(): void {
    const shell = this.shell;
    const instant: SleepFn = async (seconds) => shell.cluster.advance(seconds);
    const real = this.realSleep;
    Object.defineProperty(shell, 'sleep', { value: (sec: number, sig: AbortSignal) => (this.replaying || !real ? instant(sec, sig) : real(sec, sig)), configurable: true });
    this.offFs?.();
    this.offFs = shell.fs.onChange((path, content) => {
      if (this.replaying || this.depth > 0) return;
      const last = this.log[this.log.length - 1];
      // Typing saves often: keep only the last content of a file between two other actions.
      if (last && 'write' in last && last.write === path) this.log.pop();
      this.record({ t: this.now(), write: path, content: content ?? null });
    });
  }

  private record(e: LogEntry): void {
    if (this.replaying) return;
    this.log.push(e);
    this.scheduleSave();
  }

  /** Run a terminal command through the lesson (checks follow), recording it. */
  async run(text: string, io: CommandIO): Promise<number> {
    const entry: LogEntry & { run: string } = { t: this.now(), run: text };
    const inputs: (string | null)[] = [];
    const wrapped: CommandIO = {
      stdout: (t) => io.stdout(t),
      stderr: (t) => io.stderr(t),
      stdin: io.stdin,
      signal: io.signal,
      tty: io.tty,
      columns: io.columns,
      readLine: io.readLine && (async (p) => {
        const v = await io.readLine!(p);
        inputs.push(v);
        return v;
      }),
      editFile: io.editFile && (async (path, content) => {
        const v = await io.editFile!(path, content);
        inputs.push(v);
        return v;
      }),
    };
    const onAbort = () => (entry.abortAt = this.now());
    io.signal.addEventListener('abort', onAbort);
    this.depth++;
    try {
      return await this.session.run(text, wrapped);
    } finally {
      this.depth--;
      io.signal.removeEventListener('abort', onAbort);
      if (inputs.length) entry.inputs = inputs;
      this.record(entry);
    }
  }

  async act(what: 'showMe' | 'skip' | 'back'): Promise<void> {
    const t = this.now();
    this.depth++;
    try {
      if (what === 'showMe') await this.session.showMe();
      else if (what === 'skip') await this.session.skip();
      else await this.session.back();
    } finally {
      this.depth--;
    }
    this.record({ t, act: what });
  }

  async goTo(step: number): Promise<void> {
    const t = this.now();
    await this.session.goTo(step);
    this.record({ t, goTo: step });
  }

  private async replay(e: LogEntry): Promise<void> {
    const clock = this.shell.cluster.clock;
    if (e.t > clock.now()) clock.advanceTo(e.t);
    if ('run' in e) {
      const inputs = [...(e.inputs ?? [])];
      const ac = new AbortController();
      const io: CommandIO = {
        stdout: () => {},
        stderr: () => {},
        stdin: '',
        signal: ac.signal,
        tty: true,
        columns: 120,
        readLine: async () => inputs.shift() ?? null,
        editFile: async () => inputs.shift() ?? null,
      };
      const done = this.session.run(e.run, io).then(() => true);
      // A command that waits (a watch) was stopped by Ctrl+C: stop it at the same virtual time.
      const finished = await Promise.race([done, new Promise<false>((r) => setTimeout(() => r(false), 0))]);
      if (!finished) {
        if (e.abortAt !== undefined && e.abortAt > clock.now()) clock.advanceTo(e.abortAt);
        ac.abort();
        await done;
      }
    } else if ('write' in e) {
      if (e.content === null) this.shell.fs.remove(e.write);
      else this.shell.fs.write(e.write, e.content);
    } else if ('act' in e) {
      if (e.act === 'showMe') await this.session.showMe();
      else if (e.act === 'skip') await this.session.skip();
      else await this.session.back();
    } else if ('goTo' in e) {
      await this.session.goTo(e.goTo);
    }
  }

  setHistory(history: readonly string[]): void {
    this.history = [...history];
    this.scheduleSave();
  }

  snapshot(): SavedLesson {
    const base = { v: STATE_VERSION, lessonId: this.lesson.id, startStep: this.startStep, log: this.log, history: this.history, clock: this.now() };
    if (this.session.sandbox) return { ...base, sandbox: true };
    const p = this.session.progress();
    return { ...base, progress: { statuses: p.statuses, step: p.step } };
  }

  /** The key this lab is saved under. */
  get key(): string {
    return this.session.sandbox ? sandboxKey(this.lesson.id) : lessonKey(this.lesson.id);
  }

  private scheduleSave(): void {
    if (!this.storage) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 200);
  }

  save(): void {
    if (!this.storage) return;
    clearTimeout(this.saveTimer);
    this.storage.set(this.key, JSON.stringify(this.snapshot()));
    this.storage.set(CURRENT_KEY, this.session.sandbox ? `sandbox:${this.lesson.id}` : this.lesson.id);
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    this.offFs?.();
    this.session.dispose();
  }
}

function validate(saved: unknown, lessonId: string): SavedLesson {
  const s = saved as SavedLesson;
  if (!s || typeof s !== 'object') throw new Error('not an object');
  if (s.v !== STATE_VERSION) throw new Error(`version ${String(s.v)}`);
  if (s.lessonId !== lessonId) throw new Error('another lesson');
  if (!Number.isInteger(s.startStep) || s.startStep < 0) throw new Error('bad step');
  if (!Array.isArray(s.log) || !Array.isArray(s.history) || typeof s.clock !== 'number') throw new Error('bad log');
  for (const e of s.log) {
    if (!e || typeof e !== 'object' || typeof e.t !== 'number') throw new Error('bad entry');
    const ok =
      ('run' in e && typeof e.run === 'string') ||
      ('write' in e && typeof e.write === 'string' && (typeof e.content === 'string' || e.content === null)) ||
      ('act' in e && ['showMe', 'skip', 'back'].includes(e.act)) ||
      ('goTo' in e && Number.isInteger(e.goTo));
    if (!ok) throw new Error('bad entry');
  }
  return s;
}

/** A progress code: every saved KubeLab key, compressed and base64url-encoded. */
export async function exportCode(storage: SafeStorage): Promise<string> {
  const data: Record<string, string> = {};
  for (const k of storage.keys()) if (k.startsWith(KEY_PREFIX)) data[k] = storage.get(k) ?? '';
  const bytes = new TextEncoder().encode(JSON.stringify({ kubelab: STATE_VERSION, data }));
  const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  let bin = '';
  for (const b of compressed) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Read a progress code back into storage; throws when it is not one. */
export async function importCode(storage: SafeStorage, code: string): Promise<void> {
  const b64 = code.trim().replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
  const parsed = JSON.parse(text) as { kubelab?: number; data?: Record<string, string> };
  if (parsed.kubelab !== STATE_VERSION || !parsed.data || typeof parsed.data !== 'object') throw new Error('not a KubeLab progress code');
  for (const [k, v] of Object.entries(parsed.data)) if (k.startsWith(KEY_PREFIX) && typeof v === 'string') storage.set(k, v);
}
