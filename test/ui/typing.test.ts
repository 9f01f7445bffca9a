/**
 * "Show me" and a code block's "run" through the terminal: typed key by key into the lab's
 * terminal session, recorded in the lab's log like the learner's own typing, so a reload replays
 * them; a step's checks run as each command finishes. Also the sandbox and the saved progress
 * the course overview reads.
 */
import { describe, expect, it } from 'vitest';
import { Lab, lessonKey, sandboxKey, CURRENT_KEY } from '../../src/ui/lab.ts';
import { openStorage } from '../../src/ui/storage.ts';
import { TerminalSession } from '../../src/ui/terminal/session.ts';
import { runCodeBlock, showMe } from '../../src/ui/lesson/typing.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { Screen } from '../support/screen.ts';
import { loadFromDisk } from '../lessons/support.ts';

function terminalFor(lab: Lab) {
  const screen = new Screen(120);
  const session = new TerminalSession({ run: (text, io) => lab.run(text, io), prompt: () => lab.shell.prompt() }, { write: (t) => screen.write(t), columns: () => 120 });
  session.start();
  const type = (command: string, enter: boolean) => session.typeVisibly(command, { enter });
  return { screen, session, type };
}

describe('typing for the learner', () => {
  it('show me types each command of lesson 02 into the terminal and writes the files; the steps complete; a reload restores it', async () => {
    const lesson = await loadFromDisk('02-service-without-selector');
    const storage = openStorage(() => null);
    const lab = await Lab.fresh(lesson, 0, { storage });
    const { screen, type } = terminalFor(lab);
    const opened: string[] = [];
    for (let i = 0; i < lesson.steps.length; i++) {
      expect(lab.session.stepIndex).toBe(i);
      await showMe(lab, { type, openFile: (p) => opened.push(p) });
      await Promise.resolve();
      expect(lab.session.progress().statuses[i], lesson.steps[i].id).toBe('done');
    }
    expect(lab.session.finished).toBe(true);
    expect(opened).toEqual(['external-service.yaml', 'external-service-endpoints.yaml', 'external-service-slice.yaml']);
    const text = screen.text();
    expect(text).toContain('$ kubectl apply -f external-service.yaml\nservice/external-service created');
    expect(text).toContain('$ kubectl apply -f external-service-endpoints.yaml\nWarning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nendpoints/external-service created');
    // Placeholders were resolved to real pod names before typing.
    expect(text).not.toContain('{{');
    lab.save();
    const saved = JSON.parse(storage.get(lessonKey(lesson.id))!);
    expect(saved.progress).toEqual({ statuses: lesson.steps.map(() => 'done'), step: lesson.steps.length });
    // The log holds runs and writes, not "show me": replaying it rebuilds the same lab.
    expect(saved.log.some((e: { act?: string }) => e.act)).toBe(false);
    const restored = await Lab.restore(lesson, saved, { storage });
    expect(restored.session.finished).toBe(true);
    const a = new BufferIO();
    const b = new BufferIO();
    await lab.shell.run('kubectl get svc,endpointslices -o wide', a);
    await restored.shell.run('kubectl get svc,endpointslices -o wide', b);
    expect(b.out).toBe(a.out);
  });

  it("a code block's run types each line; a line with a placeholder is typed and left at the prompt", async () => {
    const lesson = await loadFromDisk('01-services-and-endpoints');
    const lab = await Lab.fresh(lesson, 0);
    const { screen, session, type } = terminalFor(lab);
    await runCodeBlock('kubectl get pods --show-labels\nkubectl label pod POD-NAME app=debug --overwrite\nkubectl get endpoints kubia', type);
    const lines = screen.text().split('\n');
    expect(lines[0]).toBe('learner@kubelab:~$ kubectl get pods --show-labels');
    expect(lines[lines.length - 1]).toBe('learner@kubelab:~$ kubectl label pod POD-NAME app=debug --overwrite');
    expect(screen.text()).not.toContain('get endpoints kubia');
    expect(session.history).toEqual(['kubectl get pods --show-labels']);
  });

  it('the sandbox: the lesson cluster with no steps, saved apart and reopened as the sandbox', async () => {
    const lesson = await loadFromDisk('01-services-and-endpoints');
    const storage = openStorage(() => null);
    const lab = await Lab.fresh(lesson, 0, { storage, sandbox: true });
    expect(lab.session.sandbox).toBe(true);
    expect(lab.session.step).toBeUndefined();
    await lab.run('kubectl delete svc kubia', new BufferIO());
    lab.save();
    expect(storage.get(lessonKey(lesson.id))).toBeNull();
    expect(storage.get(CURRENT_KEY)).toBe(`sandbox:${lesson.id}`);
    const restored = await Lab.restore(lesson, JSON.parse(storage.get(sandboxKey(lesson.id))!), { storage });
    expect(restored.session.sandbox).toBe(true);
    const io = new BufferIO();
    expect(await restored.shell.run('kubectl get svc kubia', io)).toBe(1);
  });
});
