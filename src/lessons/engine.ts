/**
 * The lesson engine: one `LessonSession` per open lesson. It owns the lesson's shell (cluster +
 * files + history), knows the current step, evaluates its checks whenever the cluster, a file or
 * the history changes, and moves on when they pass. The page's lesson panel drives it:
 *
 *   const session = await LessonSession.start(lesson, { step: 0 });   // or { sandbox: true }
 *   session.on((e) => ...);           // 'report' | 'step-completed' | 'step-changed' | 'shell-replaced' | 'finished'
 *   await session.run('kubectl get svc', io);   // the terminal types through the session
 *   session.shell.fs.write('svc.yaml', text);   // the editor saves: checks re-run by themselves
 *   session.nextHint();               // hints one at a time
 *   session.solution();               // what "show me" types / writes
 *   await session.showMe();           // ...and does it
 *   await session.skip(); await session.back(); await session.goTo(3);
 *   session.progress();               // statuses per step, for the course overview
 *
 * Going back or jumping rebuilds the cluster by replaying the earlier steps' solutions on the
 * lesson's seed (replay.ts), so it replaces `session.shell` and says so ('shell-replaced').
 */
import type { CommandIO } from '../shell/io.ts';
import type { Shell } from '../shell/shell.ts';
import { evaluateCheck } from './checks.ts';
import { performSolution, resolveCommand, shellAtStep, startingShell } from './replay.ts';
import type { CourseIndex, Lesson, Localized, SolutionAction, Step, StepReport, StepStatus } from './types.ts';

export type SessionEvent =
  /** Checks of the current step were evaluated (after any change). */
  | { type: 'report'; report: StepReport }
  /** A step's checks all passed: show its explanation. */
  | { type: 'step-completed'; stepIndex: number; explain: Localized }
  /** The current step changed (advance, skip, back, goTo). */
  | { type: 'step-changed'; stepIndex: number }
  /** The cluster was rebuilt (back/goTo): the terminal must use the new shell. */
  | { type: 'shell-replaced'; shell: Shell }
  /** The last step is done. */
  | { type: 'finished' };

export type SessionListener = (event: SessionEvent) => void;

export interface StartOptions {
  /** Start at this step (0-based): its starting state is computed by replaying the steps before. */
  step?: number;
  /** The lesson's cluster and files with no steps: free play. */
  sandbox?: boolean;
  /** Saved statuses (from `progress()`), to show earlier steps as done. */
  statuses?: StepStatus[];
}

export interface LessonProgress {
  lessonId: string;
  statuses: StepStatus[];
  /** 0-based current step; `statuses.length` when finished. */
  step: number;
  done: number;
  total: number;
}

export class LessonSession {
  readonly lesson: Lesson;
  readonly sandbox: boolean;
  private currentShell: Shell;
  private index: number;
  private statuses: StepStatus[];
  private hintsShown = 0;
  /** History length when the current step began: `ran` checks look only after it. */
  private historyStart: number;
  private readonly listeners = new Set<SessionListener>();
  private unsubscribe: (() => void)[] = [];
  private scheduled = false;
  /** While a command or a solution runs, changes do not trigger evaluation: it follows the end. */
  private busy = 0;
  private lastReport: StepReport | undefined;

  private constructor(lesson: Lesson, shell: Shell, index: number, sandbox: boolean, statuses?: StepStatus[]) {
    this.lesson = lesson;
    this.sandbox = sandbox;
    this.currentShell = shell;
    this.index = sandbox ? lesson.steps.length : index;
    this.statuses = lesson.steps.map((_, i) => statuses?.[i] ?? (i < index ? 'skipped' : 'pending'));
    if (!sandbox && this.index < lesson.steps.length) this.statuses[this.index] = 'current';
    this.historyStart = shell.history.length;
    this.attach();
  }

  static async start(lesson: Lesson, opts: StartOptions = {}): Promise<LessonSession> {
    if (opts.sandbox) return new LessonSession(lesson, startingShell(lesson), 0, true);
    const step = Math.max(0, Math.min(opts.step ?? 0, lesson.steps.length));
    const shell = await shellAtStep(lesson, step);
    return new LessonSession(lesson, shell, step, false, opts.statuses);
  }

  // ---------------------------------------------------------------------------- state

  get shell(): Shell {
    return this.currentShell;
  }
  /** 0-based index of the current step; `steps.length` when finished (or in the sandbox). */
  get stepIndex(): number {
    return this.index;
  }
  get step(): Step | undefined {
    return this.lesson.steps[this.index];
  }
  get finished(): boolean {
    return !this.sandbox && this.index >= this.lesson.steps.length;
  }
  /** The last evaluation of the current step. */
  get report(): StepReport | undefined {
    return this.lastReport;
  }

  progress(): LessonProgress {
    const statuses = [...this.statuses];
    return { lessonId: this.lesson.id, statuses, step: this.index, done: statuses.filter((s) => s === 'done' || s === 'skipped').length, total: statuses.length };
  }

  on(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.listeners.clear();
  }

  // ---------------------------------------------------------------------------- input

  /** Run a terminal line through the shell, then evaluate. */
  async run(text: string, io: CommandIO): Promise<number> {
    const code = await this.quietly(() => this.currentShell.run(text, io));
    this.evaluate();
    return code;
  }

  /** Evaluate the current step's checks now; advances when they all pass. */
  evaluate(): StepReport | undefined {
    const step = this.step;
    if (this.sandbox || !step) return undefined;
    const ctx = { api: this.currentShell.cluster.api, fs: this.currentShell.fs, history: this.currentShell.history.slice(this.historyStart) };
    const results = step.checks.map((c) => evaluateCheck(c, ctx));
    const report: StepReport = { stepIndex: this.index, passed: results.every((r) => r.passed), results };
    this.lastReport = report;
    this.emit({ type: 'report', report });
    if (report.passed) this.complete('done');
    return report;
  }

  // ---------------------------------------------------------------------------- help

  /** The next hint, or undefined when all were shown (or the step has none: a challenge). */
  nextHint(): Localized | undefined {
    const step = this.step;
    if (!step || this.hintsShown >= step.hints.length) return undefined;
    return step.hints[this.hintsShown++];
  }

  /** The hints shown so far for this step. */
  shownHints(): Localized[] {
    return this.step ? this.step.hints.slice(0, this.hintsShown) : [];
  }

  /**
   * What "show me" does: commands to type, file contents to put in the editor. Placeholders such
   * as `{{pod:app=kubia}}` are resolved against the current cluster, so the commands are real.
   */
  solution(): readonly SolutionAction[] {
    return (this.step?.solution ?? []).map((a) => ('run' in a ? { ...a, run: resolveCommand(this.currentShell, a.run) } : a));
  }

  /**
   * A solution command with its placeholders resolved against the cluster as it is now. The page
   * types a solution one action at a time and resolves each just before typing it, so a pod a
   * previous command started (`{{newest-pod:...}}`) is found.
   */
  resolve(command: string): string {
    return resolveCommand(this.currentShell, command);
  }

  /** Do the solution in this shell (as if typed); returns the terminal text it produced. */
  async showMe(): Promise<string> {
    const step = this.step;
    if (!step) return '';
    const { output } = await this.quietly(() => performSolution(this.currentShell, step.solution));
    this.evaluate();
    return output;
  }

  // ---------------------------------------------------------------------------- moving

  /** Skip the current step: its solution is done for the learner so later steps find their state. */
  async skip(): Promise<void> {
    const step = this.step;
    if (!step) return;
    await this.quietly(() => performSolution(this.currentShell, step.solution));
    this.complete('skipped');
  }

  /** Back to the start of the previous step (the cluster is rebuilt). */
  async back(): Promise<void> {
    await this.goTo(Math.max(0, this.index - 1));
  }

  /** Jump to the start of step `n` (0-based). */
  async goTo(n: number): Promise<void> {
    const target = Math.max(0, Math.min(n, this.lesson.steps.length));
    const shell = await shellAtStep(this.lesson, target);
    this.detach();
    this.currentShell = shell;
    this.attach();
    this.emit({ type: 'shell-replaced', shell });
    if (this.statuses[this.index] === 'current') this.statuses[this.index] = 'pending';
    this.enter(target);
  }

  // ---------------------------------------------------------------------------- internals

  private async quietly<T>(f: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await f();
    } finally {
      this.busy--;
    }
  }

  private complete(how: 'done' | 'skipped'): void {
    const step = this.step;
    if (!step) return;
    this.statuses[this.index] = how;
    this.emit({ type: 'step-completed', stepIndex: this.index, explain: step.explain });
    this.enter(this.index + 1);
  }

  private enter(index: number): void {
    this.index = index;
    this.hintsShown = 0;
    this.historyStart = this.currentShell.history.length;
    this.lastReport = undefined;
    if (index < this.lesson.steps.length) {
      if (this.statuses[index] !== 'done' && this.statuses[index] !== 'skipped') this.statuses[index] = 'current';
      this.emit({ type: 'step-changed', stepIndex: index });
    } else {
      this.emit({ type: 'step-changed', stepIndex: index });
      this.emit({ type: 'finished' });
    }
  }

  private attach(): void {
    const shell = this.currentShell;
    this.unsubscribe.push(shell.cluster.api.watch(undefined, undefined, () => this.schedule()));
    this.unsubscribe.push(shell.fs.onChange(() => this.schedule()));
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  /** Cluster and file changes come in bursts: evaluate once after the burst. */
  private schedule(): void {
    if (this.scheduled || this.sandbox || this.busy > 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.busy === 0) this.evaluate();
    });
  }

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) l(e);
  }
}

/** What the page saves of a lesson's progress, so the course overview needs no replay. */
export interface ProgressSummary {
  statuses: StepStatus[];
  /** 0-based current step; `statuses.length` when finished. */
  step: number;
}

export interface OverviewRow {
  id: string;
  title: Localized;
  /** Steps done or skipped. */
  done: number;
  /** Number of steps, when known (the lesson was loaded or has saved progress). */
  total: number | undefined;
  /** 0-based step the learner is at, when the lesson was started. */
  step: number | undefined;
  started: boolean;
  finished: boolean;
}

/**
 * The course overview: each lesson of the course with its progress. `saved` holds what the page
 * saved per lesson (or the live session's progress); `stepCounts` the number of steps of the
 * lessons loaded so far, for lessons never opened.
 */
export function courseOverview(index: CourseIndex, saved: Record<string, ProgressSummary | undefined>, stepCounts: Record<string, number | undefined> = {}): OverviewRow[] {
  return index.lessons.map((l) => {
    const s = saved[l.id];
    const total = s?.statuses.length ?? stepCounts[l.id];
    const done = s ? s.statuses.filter((x) => x === 'done' || x === 'skipped').length : 0;
    const finished = !!s && s.statuses.length > 0 && s.step >= s.statuses.length;
    return { id: l.id, title: l.title, done, total, step: s ? Math.min(s.step, s.statuses.length) : undefined, started: !!s, finished };
  });
}
