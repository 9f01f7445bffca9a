/** Saving and restoring a lab: the command log replayed on a fresh lesson session. */
import { describe, expect, it } from 'vitest';
import { BufferIO } from '../../src/shell/io.ts';
import { Lab, lessonKey } from '../../src/ui/lab.ts';
import { openStorage } from '../../src/ui/storage.ts';
import { loadFromDisk } from '../lessons/support.ts';

const memory = () => openStorage(() => null);
const SVC = `cat > web.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
EOF`;

async function clusterView(lab: Lab) {
  const io = new BufferIO();
  await lab.shell.run('kubectl get svc,ep,pods -A -o json', io);
  return io.out;
}

describe('lab save and restore', () => {
  it('restores cluster, files, history and step from the log', async () => {
    const lesson = await loadFromDisk('01-services-and-endpoints');
    const storage = memory();
    const lab = await Lab.fresh(lesson, 0, { storage });
    await lab.run(SVC, new BufferIO());
    await lab.run('kubectl apply -f web.yaml', new BufferIO());
    lab.shell.cluster.advance(7);
    lab.shell.fs.write('notes.txt', 'first');
    lab.shell.fs.write('notes.txt', 'second');
    await lab.run('sleep 3', new BufferIO());
    lab.setHistory([SVC, 'kubectl apply -f web.yaml', 'sleep 3']);
    lab.save();
    const before = await clusterView(lab);
    const step = lab.session.stepIndex;
    const saved = JSON.parse(storage.get(lessonKey(lesson.id))!);
    // Typing saves coalesce: one write entry for notes.txt.
    expect(saved.log.filter((e: { write?: string }) => e.write?.endsWith('notes.txt'))).toHaveLength(1);

    const back = await Lab.restore(lesson, saved, { storage });
    expect(await clusterView(back)).toBe(before);
    expect(back.shell.fs.read('notes.txt')).toBe('second');
    expect(back.shell.fs.read('web.yaml')).toContain('targetPort: 8080');
    expect(back.history).toEqual([SVC, 'kubectl apply -f web.yaml', 'sleep 3']);
    expect(back.session.stepIndex).toBe(step);
    expect(back.shell.cluster.clock.now()).toBe(lab.shell.cluster.clock.now());
  });

  it('replays a watch stopped by Ctrl+C at its virtual time', async () => {
    const lesson = await loadFromDisk('01-services-and-endpoints');
    const lab = await Lab.fresh(lesson, 0);
    const ac = new AbortController();
    const io = new BufferIO('', ac.signal);
    const running = lab.run('kubectl get svc -w', io);
    await new Promise((r) => setTimeout(r, 0));
    lab.shell.cluster.advance(5);
    ac.abort();
    await running;
    await lab.run('kubectl get svc', new BufferIO());
    const saved = lab.snapshot();
    expect(saved.log[0]).toMatchObject({ run: 'kubectl get svc -w' });
    const back = await Lab.restore(lesson, JSON.parse(JSON.stringify(saved)));
    expect(back.shell.cluster.clock.now()).toBe(lab.shell.cluster.clock.now());
  });

  it('refuses saved data of another version, lesson or shape', async () => {
    const lesson = await loadFromDisk('01-services-and-endpoints');
    const ok = { v: 1, lessonId: lesson.id, startStep: 0, log: [], history: [], clock: 0 };
    await expect(Lab.restore(lesson, { ...ok, v: 99 })).rejects.toThrow(/version/);
    await expect(Lab.restore(lesson, { ...ok, lessonId: 'x' })).rejects.toThrow(/another lesson/);
    await expect(Lab.restore(lesson, { ...ok, log: [{ t: 1, rm: 'x' }] })).rejects.toThrow(/bad entry/);
    await expect(Lab.restore(lesson, 'garbage')).rejects.toThrow();
  });
});
