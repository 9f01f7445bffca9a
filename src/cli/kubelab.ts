/**
 * `npm run -s kubelab -- shell [--seed N] [--echo]`: the lab's shell on standard input and
 * output, with a virtual clock (`sleep N` advances it at once). The same seed and input give the
 * same output, byte for byte.
 *
 *   --echo   print the prompt and each command before its output, like a terminal transcript
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { kubeconfigFor, serveApi } from './http-api.ts';
import { Cluster } from '../cluster/cluster.ts';
import type { CommandIO } from '../shell/io.ts';
import { ContinuationLines } from '../shell/continuation.ts';
import { Shell } from '../shell/shell.ts';
import { runUntilIdle } from '../shell/headless.ts';
import { lessonCheckMain } from './lesson-check.ts';

function usage(): never {
  process.stderr.write('usage: kubelab shell [--seed N] [--echo]\n       kubelab serve [--port N] [--seed N] [--kubeconfig FILE]\n       kubelab lesson check [DIR]\n');
  process.exit(2);
}

async function shellMain(argv: string[]): Promise<number> {
  let seed = 1;
  let echo = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i].startsWith('--seed=')) seed = Number(argv[i].slice(7));
    else if (argv[i] === '--echo') echo = true;
    else usage();
  }
  if (!Number.isFinite(seed)) usage();
  const shell = new Shell({ cluster: new Cluster({ seed }) });
  const lines = readFileSync(0, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const io: CommandIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: '',
    signal: new AbortController().signal,
    tty: false,
    columns: 120,
    // An interactive program (`kubectl exec -it POD -- sh`) reads the following input lines,
    // as if typed at its prompt, until it exits.
    readLine: async (prompt) => {
      if (next >= lines.length) return null;
      const line = lines[next++];
      if (echo) process.stdout.write(prompt + line + '\n');
      return line;
    },
  };
  let next = 0;
  const pending = new ContinuationLines();
  let code = 0;
  const run = async (text: string) => {
    if (echo) process.stdout.write(shell.prompt() + text.replace(/\n/g, '\n> ') + '\n');
    code = await runUntilIdle(shell, text, io);
  };
  while (next < lines.length) {
    const complete = pending.add(lines[next++]);
    if (complete !== undefined) await run(complete);
  }
  // An unfinished heredoc or quote at the end of input: bash's error.
  if (pending.waiting) await run(pending.text);
  return code;
}

/**
 * `kubelab serve [--port N] [--seed N] [--kubeconfig FILE]`: serve a fresh simulated cluster over
 * the Kubernetes HTTP API on 127.0.0.1, its clock following real time, so that the real kubectl
 * can talk to it (`KUBECONFIG=FILE kubectl get svc`).
 */
async function serveMain(argv: string[]): Promise<void> {
  let port = 8080;
  let seed = 1;
  let kubeconfig = 'kubelab.kubeconfig';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--kubeconfig') kubeconfig = argv[++i];
    else usage();
  }
  const cluster = new Cluster({ seed, now: Date.now() });
  setInterval(() => cluster.clock.advanceTo(Date.now()), 200);
  const served = await serveApi(cluster.api, { port });
  writeFileSync(kubeconfig, kubeconfigFor(served.url));
  process.stdout.write(`serving the simulated cluster at ${served.url}\nexport KUBECONFIG=${kubeconfig}\n`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'shell') {
  shellMain(rest).then((code) => process.exit(code));
} else if (command === 'serve') {
  void serveMain(rest);
} else if (command === 'lesson' && rest[0] === 'check') {
  lessonCheckMain(rest.slice(1)).then((code) => process.exit(code));
} else {
  usage();
}
