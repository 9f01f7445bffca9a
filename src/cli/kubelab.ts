/**
 * `npm run -s kubelab -- shell [--seed N] [--echo]`: the lab's shell on standard input and
 * output, with a virtual clock (`sleep N` advances it at once). The same seed and input give the
 * same output, byte for byte.
 *
 *   --echo   print the prompt and each command before its output, like a terminal transcript
 */
import { readFileSync } from 'node:fs';
import { Cluster } from '../cluster/cluster.ts';
import type { CommandIO } from '../shell/io.ts';
import { isComplete } from '../shell/parser.ts';
import { Shell } from '../shell/shell.ts';

function usage(): never {
  process.stderr.write('usage: kubelab shell [--seed N] [--echo]\n');
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
  };
  let pending: string | undefined;
  let code = 0;
  const runPending = async () => {
    if (pending === undefined) return;
    if (echo) process.stdout.write(shell.prompt() + pending.replace(/\n/g, '\n> ') + '\n');
    code = await shell.run(pending, io);
    pending = undefined;
  };
  for (const line of lines) {
    pending = pending === undefined ? line : `${pending}\n${line}`;
    if (isComplete(pending)) await runPending();
  }
  await runPending(); // an unfinished heredoc or quote at the end of input: bash's error
  return code;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'shell') {
  shellMain(rest).then((code) => process.exit(code));
} else {
  usage();
}
