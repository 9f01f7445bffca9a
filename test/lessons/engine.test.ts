/** LessonSession: advancing on checks, hints one at a time, show me, skip, back, start at step N, sandbox. */
import { describe, expect, it } from 'vitest';
import { courseOverview, LessonSession, type SessionEvent } from '../../src/lessons/engine.ts';
import { renderMarkdown } from '../../src/lessons/markdown.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { loadFromDisk } from './support.ts';

const ID = '01-services-and-endpoints';

describe('LessonSession', () => {
  it('advances when the step’s checks pass after a command, and reports the explanation', async () => {
    const session = await LessonSession.start(await loadFromDisk(ID));
    const events: SessionEvent[] = [];
    session.on((e) => events.push(e));
    expect(session.stepIndex).toBe(0);
    expect(session.evaluate()!.passed).toBe(false);
    await session.run('kubectl get svc', new BufferIO());
    expect(session.stepIndex).toBe(0);
    await session.run('kubectl describe svc kubia', new BufferIO());
    expect(session.stepIndex).toBe(1);
    const done = events.find((e) => e.type === 'step-completed');
    expect(done).toMatchObject({ type: 'step-completed', stepIndex: 0 });
    expect(session.progress()).toMatchObject({ done: 1, total: 4, statuses: ['done', 'current', 'pending', 'pending'] });
    // The next step looks only at commands run since it began.
    expect(session.evaluate()!.passed).toBe(false);
  });

  it('gives hints one at a time, then none', async () => {
    const session = await LessonSession.start(await loadFromDisk(ID));
    const first = session.nextHint();
    expect(first?.ko).toContain('`kubectl describe`');
    expect(session.nextHint()).toBeUndefined();
    expect(session.shownHints()).toEqual([first]);
  });

  it('show me runs the solution; skip marks the step skipped; back rebuilds the cluster', async () => {
    const session = await LessonSession.start(await loadFromDisk(ID));
    const replaced: unknown[] = [];
    session.on((e) => e.type === 'shell-replaced' && replaced.push(e.shell));
    const out = await session.showMe();
    expect(out).toContain('learner@kubelab:~$ kubectl describe svc kubia\n');
    expect(session.stepIndex).toBe(1);
    await session.skip();
    expect(session.stepIndex).toBe(2);
    expect(session.progress().statuses.slice(0, 2)).toEqual(['done', 'skipped']);
    const before = session.shell;
    await session.back();
    expect(session.stepIndex).toBe(1);
    expect(session.shell).not.toBe(before);
    expect(replaced).toEqual([session.shell]);
  });

  it('a link to step N gives the state at the start of step N, the same every time', async () => {
    const lesson = await loadFromDisk(ID);
    const a = await LessonSession.start(lesson, { step: 2 });
    const b = await LessonSession.start(lesson, { step: 2 });
    const names = (s: LessonSession) => s.shell.cluster.api.scan('pods', 'default').map((p) => `${p.metadata.name} ${p.status?.podIP}`);
    expect(names(a)).toEqual(names(b));
    expect(names(a)).toHaveLength(3);
    expect(a.stepIndex).toBe(2);
    expect(a.step!.id).toBe('relabel');
    expect(a.evaluate()!.passed).toBe(false);
  });

  it('the sandbox has the lesson’s cluster and no steps', async () => {
    const session = await LessonSession.start(await loadFromDisk(ID), { sandbox: true });
    expect(session.step).toBeUndefined();
    expect(session.evaluate()).toBeUndefined();
    expect(session.shell.cluster.api.peek('services', 'default', 'kubia')).toBeDefined();
    expect(session.shell.fs.read('kubia-unready.yaml')).toContain('readinessProbe');
  });

  it('re-evaluates by itself when a file or the cluster changes', async () => {
    const session = await LessonSession.start(await loadFromDisk(ID), { step: 0 });
    const reports: SessionEvent[] = [];
    session.on((e) => e.type === 'report' && reports.push(e));
    session.shell.fs.write('notes.txt', 'x');
    await Promise.resolve();
    expect(reports).toHaveLength(1);
  });
});

describe('renderMarkdown', () => {
  it('escapes HTML and renders the small subset lessons use', () => {
    const html = renderMarkdown('# 제목\n\n`<b>` and **bold** <script>alert(1)</script>\n\n- one\n- `two`\n\n```\nkubectl get svc <x>\n```\n[docs](https://kubernetes.io/ko/) [bad](javascript:alert(1))');
    expect(html).toContain('<h1>제목</h1>');
    expect(html).toContain('<code>&lt;b&gt;</code> and <strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<ul><li>one</li><li><code>two</code></li></ul>');
    expect(html).toContain('<pre><code>kubectl get svc &lt;x&gt;</code></pre>');
    expect(html).toContain('<a href="https://kubernetes.io/ko/" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(html).not.toContain('href="javascript');
  });
});

describe('courseOverview', () => {
  const index = { id: 'c', title: { ko: '코스', en: 'Course' }, lessons: ['a', 'b', 'c'].map((id) => ({ id, title: { ko: id, en: id } })) };

  it('shows per lesson the steps done, the step reached and whether it is finished', () => {
    const rows = courseOverview(index, { a: { statuses: ['done', 'skipped', 'done'], step: 3 }, b: { statuses: ['done', 'current', 'pending'], step: 1 } }, { c: 4 });
    expect(rows).toEqual([
      { id: 'a', title: { ko: 'a', en: 'a' }, done: 3, total: 3, step: 3, started: true, finished: true },
      { id: 'b', title: { ko: 'b', en: 'b' }, done: 1, total: 3, step: 1, started: true, finished: false },
      { id: 'c', title: { ko: 'c', en: 'c' }, done: 0, total: 4, step: undefined, started: false, finished: false },
    ]);
  });

  it("a session's progress feeds it: the lesson becomes finished when the last step is done", async () => {
    const lesson = await loadFromDisk('03-adding-and-removing-a-selector');
    const session = await LessonSession.start(lesson, { step: lesson.steps.length - 1 });
    const saved = () => ({ [lesson.id]: session.progress() });
    expect(courseOverview({ ...index, lessons: [{ id: lesson.id, title: lesson.title }] }, saved())[0]).toMatchObject({ finished: false, step: lesson.steps.length - 1, done: lesson.steps.length - 1 });
    await session.showMe();
    expect(courseOverview({ ...index, lessons: [{ id: lesson.id, title: lesson.title }] }, saved())[0]).toMatchObject({ finished: true, done: lesson.steps.length, total: lesson.steps.length });
  });
});
