/**
 * Verifying a lesson end to end, headlessly: from the lesson's starting cluster, for each step,
 * its checks must fail in the step's starting state (else the step would complete by itself)
 * and pass once its solution has been typed, and not before its last action. Used by `kubelab lesson check` and the tests.
 */
import { evaluateCheck } from './checks.ts';
import { performSolution, startingShell } from './replay.ts';
import type { Lesson, StepReport } from './types.ts';

export interface StepVerification {
  stepIndex: number;
  stepId: string;
  before: StepReport;
  after: StepReport;
  /** Solution commands that exited non-zero. */
  failures: { command: string; exitCode: number; output: string }[];
  /** What the solution printed, as a terminal transcript. */
  transcript: string;
  problems: string[];
}

export interface VerifyOptions {
  /** Stop before running a step whose solution this returns true for (a feature not built yet). */
  stopAt?: (command: string) => boolean;
}

export async function verifyLesson(lesson: Lesson, opts: VerifyOptions = {}): Promise<{ steps: StepVerification[]; stoppedAt?: { stepIndex: number; command: string } }> {
  const shell = startingShell(lesson);
  const out: StepVerification[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    const blocked = opts.stopAt && step.solution.find((a) => 'run' in a && opts.stopAt!(a.run));
    if (blocked && 'run' in blocked) return { steps: out, stoppedAt: { stepIndex: i, command: blocked.run } };
    const start = shell.history.length;
    const evaluate = (): StepReport => {
      const ctx = { api: shell.cluster.api, fs: shell.fs, history: shell.history.slice(start) };
      const results = step.checks.map((c) => evaluateCheck(c, ctx));
      return { stepIndex: i, passed: results.every((r) => r.passed), results };
    };
    const before = evaluate();
    // One action at a time, as "show me" and the page's typing do: the step must not complete
    // before its solution's last action, or the rest would be typed into the next step.
    let output = '';
    const failures: StepVerification['failures'] = [];
    let passedEarly: number | undefined;
    for (const [k, action] of step.solution.entries()) {
      const r = await performSolution(shell, [action]);
      output += r.output;
      failures.push(...r.failures);
      if (passedEarly === undefined && k < step.solution.length - 1 && evaluate().passed) passedEarly = k;
    }
    const after = evaluate();
    const problems: string[] = [];
    const where = `step ${i + 1} (${step.id})`;
    if (before.passed) problems.push(`${where}: its checks already pass before its solution`);
    if (passedEarly !== undefined) problems.push(`${where}: its checks pass after action ${passedEarly + 1} of ${step.solution.length} of its solution: "show me" would go on typing into the next step`);
    for (const f of failures) problems.push(`${where}: solution command \`${f.command}\` exited ${f.exitCode}: ${f.output.trim().split('\n').slice(-2).join(' / ')}`);
    for (const r of after.results) if (!r.passed) problems.push(`${where}: check fails after the solution: ${r.message?.en ?? JSON.stringify(r.check)}`);
    out.push({ stepIndex: i, stepId: step.id, before, after, failures, transcript: output, problems });
  }
  return { steps: out };
}
