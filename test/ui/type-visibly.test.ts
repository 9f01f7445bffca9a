/** The lesson's "run" buttons and "show me" type through the terminal session key by key and wait for the command. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { Shell } from '../../src/shell/shell.ts';
import { TerminalSession } from '../../src/ui/terminal/session.ts';
import { Screen } from '../support/screen.ts';

function setup(shell = new Shell({ cluster: new Cluster({ seed: 1 }) })) {
  const screen = new Screen(100);
  const session = new TerminalSession(shell, { write: (t) => screen.write(t), columns: () => 100 });
  session.start();
  return { screen, session, shell };
}

describe('typeVisibly', () => {
  it('types the command key by key, runs it, and resolves when the prompt is back', async () => {
    const { screen, session } = setup();
    const seen: string[] = [];
    await session.typeVisibly('kubectl get svc', { pause: async () => void seen.push(screen.text().split('\n').pop()!) });
    // Each pause saw one more character on the prompt line: it was typed, not pasted.
    expect(seen[0]).toBe('learner@kubelab:~$ k');
    expect(seen[seen.length - 1]).toBe('learner@kubelab:~$ kubectl get svc');
    expect(seen.length).toBe('kubectl get svc'.length);
    const lines = screen.text().split('\n');
    expect(lines[0]).toBe('learner@kubelab:~$ kubectl get svc');
    expect(lines[1]).toMatch(/^NAME\s+TYPE/);
    expect(lines[lines.length - 1]).toBe('learner@kubelab:~$');
    expect(session.busy).toBe(false);
    expect(session.history).toEqual(['kubectl get svc']);
  });

  it('runs commands one after another in order, each after the previous finished', async () => {
    const { screen, session } = setup();
    await session.typeVisibly('echo one');
    await session.typeVisibly('echo two');
    expect(screen.text()).toBe('learner@kubelab:~$ echo one\none\nlearner@kubelab:~$ echo two\ntwo\nlearner@kubelab:~$');
  });

  it('leaves the line at the prompt without Enter when asked, replacing what was half typed', async () => {
    const { screen, session } = setup();
    session.input('half');
    await session.typeVisibly('kubectl label pod POD-NAME app=debug', { enter: false });
    expect(screen.text()).toBe('learner@kubelab:~$ kubectl label pod POD-NAME app=debug');
    expect(session.history).toEqual([]);
  });

  it('stops a running watch first, as Ctrl+C would', async () => {
    const shell = new Shell({
      cluster: new Cluster({ seed: 1 }),
      sleep: (_s, signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
    });
    const { screen, session } = setup(shell);
    session.input('sleep 100 && echo never\r');
    await new Promise((r) => setTimeout(r, 0));
    expect(session.busy).toBe(true);
    await session.typeVisibly('echo after');
    expect(screen.text()).toBe('learner@kubelab:~$ sleep 100 && echo never\n^C\nlearner@kubelab:~$ echo after\nafter\nlearner@kubelab:~$');
  });
});
