/**
 * The terminal's shell: runs what the learner types (or pastes) against the simulated cluster.
 * Parsing is in parser.ts, builtins in builtins.ts; `kubectl` runs our kubectl. The same shell
 * serves the page's terminal, the headless CLI and tests.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KubectlContext } from '../kubectl/context.ts';
import { kubeadmKubeconfig, kubeconfigNamespace, type Kubeconfig } from '../kubectl/kubeconfig.ts';
import { runKubectl } from '../kubectl/kubectl.ts';
import { BUILTINS } from './builtins.ts';
import { ClusterPodRuntime } from './pod/runtime.ts';
import { BufferIO, type CommandIO } from './io.ts';
import { parse, ParseError, type SimpleCommand } from './parser.ts';
import { routeOutput } from './redirects.ts';
import { HOME, VirtualFS } from './vfs.ts';

export interface ShellOptions {
  cluster: Cluster;
  fs?: VirtualFS;
  /**
   * How `sleep N` waits. Headless and tests: advance the virtual clock at once (the default).
   * The page: wait in real time while the clock follows.
   */
  sleep?: (seconds: number, signal: AbortSignal) => Promise<void>;
}

export interface HistoryEntry {
  command: string;
  exitCode: number;
}

export class Shell {
  readonly cluster: Cluster;
  readonly fs: VirtualFS;
  readonly env: Record<string, string>;
  /** What was run, for `history`, the arrow keys and lesson checks. */
  readonly history: HistoryEntry[] = [];
  lastExitCode = 0;
  readonly sleep: (seconds: number, signal: AbortSignal) => Promise<void>;
  /** The kubelets' side of `kubectl exec` and `kubectl logs`. */
  private readonly podRuntime: ClusterPodRuntime;

  constructor(opts: ShellOptions) {
    this.cluster = opts.cluster;
    this.fs = opts.fs ?? new VirtualFS();
    this.env = { HOME, USER: 'learner', PATH: '/usr/local/bin:/usr/bin:/bin', SHELL: '/bin/bash', TERM: 'xterm-256color' };
    this.sleep =
      opts.sleep ??
      (async (seconds) => {
        this.cluster.advance(seconds);
      });
    this.podRuntime = new ClusterPodRuntime(this.cluster, (s, signal) => this.sleep(s, signal));
  }

  /** The prompt before each command, as bash shows it for the learner's home. */
  prompt(): string {
    const dir = this.fs.cwd === HOME ? '~' : this.fs.cwd.startsWith(HOME + '/') ? '~' + this.fs.cwd.slice(HOME.length) : this.fs.cwd;
    return `learner@kubelab:${dir}$ `;
  }

  /** ~/.kube/config: kept across commands (`kubectl config set-context --current --namespace=X`). */
  readonly kubeconfig: Kubeconfig = kubeadmKubeconfig();

  kubectlContext(): KubectlContext {
    return {
      api: this.cluster.api,
      fs: this.fs,
      now: () => this.cluster.clock.now(),
      namespace: kubeconfigNamespace(this.kubeconfig),
      kubeconfig: this.kubeconfig,
      advance: (ms) => this.cluster.advance(ms / 1000),
      runtime: this.podRuntime,
    };
  }

  /** Run one input (a line, or several lines with heredocs). Never throws. */
  async run(text: string, io: CommandIO): Promise<number> {
    const trimmed = text.trim();
    if (trimmed === '') return this.lastExitCode;
    let lists;
    try {
      lists = parse(text, { ...this.env, '?': String(this.lastExitCode) });
    } catch (e) {
      const msg = e instanceof ParseError ? e.message : String(e);
      io.stderr(`bash: ${msg}\n`);
      this.history.push({ command: trimmed, exitCode: 2 });
      return (this.lastExitCode = 2);
    }
    let code = 0;
    for (const list of lists) {
      for (let i = 0; i < list.pipelines.length; i++) {
        if (i > 0) {
          const op = list.ops[i - 1];
          if (op === '&&' && code !== 0) continue;
          if (op === '||' && code === 0) continue;
        }
        if (io.signal.aborted) break;
        const pipeline = list.pipelines[i];
        code = await this.runPipeline(pipeline.commands, io);
        this.lastExitCode = code;
      }
    }
    this.history.push({ command: trimmed, exitCode: code });
    return code;
  }

  private async runPipeline(commands: SimpleCommand[], io: CommandIO): Promise<number> {
    let input = io.stdin;
    let code = 0;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      const cmd = commands[i];
      const buffer = last ? undefined : new BufferIO('', io.signal);
      const target: CommandIO = buffer ?? io;
      code = await this.runSimple(cmd, target, i === 0 ? input : input, !last || !io.tty ? false : io.tty);
      if (buffer) input = buffer.out;
      // In a pipeline, stderr of earlier commands goes to the terminal at once.
      if (buffer && buffer.err) io.stderr(buffer.err);
    }
    return code;
  }

  private async runSimple(cmd: SimpleCommand, io: CommandIO, pipedIn: string, tty: boolean): Promise<number> {
    if (cmd.argv.length === 0) {
      Object.assign(this.env, cmd.assigns);
      return 0;
    }
    let stdin = pipedIn;
    if (cmd.stdin && 'heredoc' in cmd.stdin) stdin = cmd.stdin.heredoc;
    if (cmd.stdin && 'file' in cmd.stdin) {
      const content = this.fs.read(cmd.stdin.file);
      if (content === undefined) {
        io.stderr(`bash: ${cmd.stdin.file}: No such file or directory\n`);
        return 1;
      }
      stdin = content;
    }
    // As bash, the output files are opened (created, or emptied) in order before the command runs,
    // and a redirection that cannot be opened stops it from running.
    const { stdout, stderr, files } = routeOutput(cmd.redirects, io);
    for (const f of files) {
      const problem = this.fs.isDir(f.path) ? 'Is a directory' : !this.fs.isDir(this.fs.parentOf(f.path)) ? 'No such file or directory' : undefined;
      if (problem) {
        io.stderr(`bash: ${f.path}: ${problem}\n`);
        return 1;
      }
      if (!f.append || !this.fs.exists(f.path)) this.fs.write(f.path, '');
    }
    const cio: CommandIO = {
      stdout,
      stderr,
      stdin,
      signal: io.signal,
      tty: tty && files.length === 0,
      readLine: io.readLine?.bind(io),
      editFile: io.editFile?.bind(io),
      columns: io.columns,
    };
    const [name, ...args] = cmd.argv;
    let code: number;
    try {
      if (name === 'kubectl' || name === 'k') code = await runKubectl(args, this.kubectlContext(), cio);
      else if (BUILTINS[name]) code = await BUILTINS[name](args, cio, this);
      else {
        cio.stderr(`${name}: command not found\n`);
        code = 127;
      }
    } catch (e) {
      // Nothing a learner types may crash the terminal.
      cio.stderr(`bash: ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
    for (const f of files) this.fs.write(f.path, f.append ? (this.fs.read(f.path) ?? '') + f.text : f.text);
    return code;
  }
}
