/**
 * kubectl run -it in a terminal (the page's, or the headless shell's): the pod's shell takes the
 * lines typed until `exit`, then kubectl prints what attach and run print after a session and
 * --rm deletes the pod. Transcripts without a terminal are in test/golden/verbs3-run-attach.txt.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod } from '../../src/cluster/api/types.ts';
import type { CommandIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

/** Run one command with `typed` as the lines typed at the terminal; `all` is what it shows. */
async function terminal(shell: Shell, line: string, typed: string[]) {
  let all = '';
  const io: CommandIO = {
    stdout: (t) => (all += t),
    stderr: (t) => (all += t),
    stdin: '',
    signal: new AbortController().signal,
    tty: true,
    columns: 120,
    readLine: async (prompt) => {
      all += prompt;
      const l = typed.shift();
      if (l !== undefined) all += l + '\n';
      return l ?? null;
    },
  };
  const code = await shell.run(line, io);
  return { all, code };
}

describe('kubectl run -it in a terminal', () => {
  it('runs the pod shell, deletes the pod with --rm, exits 0', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 4 }) });
    const r = await terminal(shell, 'kubectl run -it --rm client --image=busybox --restart=Never -- sh', ['hostname', 'exit']);
    expect(r).toEqual({
      all: "If you don't see a command prompt, try pressing enter.\n/ # hostname\nclient\n/ # exit\npod \"client\" deleted\n",
      code: 0,
    });
    const pod = shell.cluster.api.peek('pods', 'default', 'client') as Pod | undefined;
    expect(pod === undefined || pod.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  it('with the default restart policy (Always), says how to attach again', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 4 }) });
    const r = await terminal(shell, 'kubectl run -it box --image=busybox', ['exit']);
    expect(r.all).toBe(
      "If you don't see a command prompt, try pressing enter.\n/ # exit\nSession ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n",
    );
    expect(r.code).toBe(0);
    // The shell ended, so the container exited; Always restarts it.
    shell.cluster.advance(30);
    const pod = shell.cluster.api.peek('pods', 'default', 'box') as Pod;
    expect(pod.status?.containerStatuses?.[0].restartCount).toBe(1);
  });

  it("exits with the container's code when the shell exits non-zero (--restart=Never)", async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 4 }) });
    const r = await terminal(shell, 'kubectl run -it failing --image=busybox --restart=Never -- sh', ['exit 7']);
    expect(r.all).toBe("If you don't see a command prompt, try pressing enter.\n/ # exit 7\npod default/failing terminated (Error)\n");
    expect(r.code).toBe(7);
    const pod = shell.cluster.api.peek('pods', 'default', 'failing') as Pod;
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(7);
  });
});
