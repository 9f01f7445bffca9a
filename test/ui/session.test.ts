/** The terminal session between xterm and the shell: commands, paste, Ctrl+C, readLine, history. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { CommandIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';
import { TerminalSession } from '../../src/ui/terminal/session.ts';
import { Screen } from '../support/screen.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));
async function settle(session: TerminalSession) {
  for (let i = 0; i < 50 && session.busy; i++) await tick();
  await tick();
}

function setup(shell: Shell | { run: Shell['run']; prompt: Shell['prompt'] } = new Shell({ cluster: new Cluster({ seed: 1 }) })) {
  const screen = new Screen(100);
  const session = new TerminalSession(shell, { write: (t) => screen.write(t), columns: () => 100 });
  session.start();
  return { screen, session };
}

describe('terminal session', () => {
  it('runs a typed command and shows the next prompt', async () => {
    const { screen, session } = setup();
    session.input('kubectl get svc\r');
    await settle(session);
    const lines = screen.text().split('\n');
    expect(lines[0]).toBe('learner@kubelab:~$ kubectl get svc');
    expect(lines[1]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
    expect(lines[lines.length - 1]).toBe('learner@kubelab:~$');
    expect(session.history).toEqual(['kubectl get svc']);
  });

  it('runs each complete command of a multi-line paste in turn, heredocs included', async () => {
    const { screen, session, } = setup();
    session.input('\x1b[200~echo one\ncat > f.txt <<EOF\nhello\nEOF\ncat f.txt\necho tail\x1b[201~');
    await settle(session);
    const text = screen.text();
    expect(text).toContain('$ echo one\none\n');
    expect(text).toContain('$ cat > f.txt <<EOF\n> hello\n> EOF\n');
    expect(text).toContain('$ cat f.txt\nhello\n');
    // The last line stays at the prompt, not run.
    expect(text.split('\n').pop()).toBe('learner@kubelab:~$ echo tail');
    expect(session.history).toEqual(['echo one', 'cat > f.txt <<EOF\nhello\nEOF', 'cat f.txt']);
  });

  it('puts the prompt on a row of its own after output without a final newline', async () => {
    const { screen, session } = setup();
    session.input('echo -n hello\r');
    await settle(session);
    session.input('echo -n; echo done\r');
    await settle(session);
    expect(screen.text()).toBe('learner@kubelab:~$ echo -n hello\nhello\nlearner@kubelab:~$ echo -n; echo done\ndone\nlearner@kubelab:~$');
  });

  it('Ctrl+C aborts a running command and the prompt comes back', async () => {
    const shell = new Shell({
      cluster: new Cluster({ seed: 1 }),
      sleep: (_s, signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
    });
    const { screen, session } = setup(shell);
    session.input('sleep 100 && echo never\r');
    await tick();
    expect(session.busy).toBe(true);
    session.input('\x03');
    await settle(session);
    expect(session.busy).toBe(false);
    expect(screen.text()).toBe('learner@kubelab:~$ sleep 100 && echo never\n^C\nlearner@kubelab:~$');
  });

  it('Ctrl+C at the prompt abandons a half-typed heredoc', async () => {
    const { screen, session } = setup();
    session.input('cat <<EOF\rline\r\x03');
    await settle(session);
    expect(screen.text()).toBe('learner@kubelab:~$ cat <<EOF\n> line\n> ^C\nlearner@kubelab:~$');
  });

  it('serves readLine to an interactive session with its own prompt', async () => {
    const seen: (string | null)[] = [];
    const fake = {
      prompt: () => '$ ',
      async run(_text: string, io: CommandIO) {
        for (;;) {
          const line = await io.readLine!('/ # ');
          seen.push(line);
          if (line === null || line === 'exit') return 0;
          io.stdout(`ran ${line}\n`);
        }
      },
    };
    const { screen, session } = setup(fake);
    session.input('kubectl exec -it p -- sh\r');
    await tick();
    session.input('env\r');
    await tick();
    session.input('half\x03');
    await tick();
    session.input('exit\r');
    await settle(session);
    expect(seen).toEqual(['env', 'exit']);
    expect(screen.text()).toBe('$ kubectl exec -it p -- sh\n/ # env\nran env\n/ # half^C\n/ # exit\n$');
  });

  it('types a command for the Apply button, keeping what was typed in the kill ring', async () => {
    const { screen, session } = setup();
    session.input('partial');
    session.typeCommand('echo applied');
    await settle(session);
    expect(screen.text()).toBe('learner@kubelab:~$ echo applied\napplied\nlearner@kubelab:~$');
  });
});
