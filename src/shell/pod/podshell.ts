/**
 * The shell inside a container (bash in Debian images, busybox ash in Alpine/busybox ones):
 * runs `sh -c '...'`, scripts piped to `sh`, and interactive sessions (`kubectl exec -it POD --
 * sh`). Parsing reuses the terminal shell's parser; programs are the image's tools.
 */
import type { CommandIO } from '../io.ts';
import { BufferIO } from '../io.ts';
import { parse, ParseError, type SimpleCommand } from '../parser.ts';
import { routeOutput } from '../redirects.ts';
import type { PodContext, Tool } from './context.ts';
import { COREUTILS, writeRedirect } from './coreutils.ts';
import { curl } from './curl.ts';
import { dig, host, nslookup } from './dnstools.ts';
import { ping } from './ping.ts';
import { wget } from './wget.ts';

const TOOLS: Record<string, Tool> = { ...COREUTILS, curl, wget, nslookup, dig, host, ping };

/** Programs the image has on $PATH (tools, then shells). */
export function findProgram(ctx: PodContext, argv0: string): 'shell' | Tool | undefined {
  const name = argv0.split('/').pop()!;
  if (ctx.profile.shells.includes(name)) return 'shell';
  if (ctx.profile.tools.has(name) && TOOLS[name]) return TOOLS[name];
  if (ctx.profile.tools.has(name)) return () => 0; // present but idle in a lab (node, nginx...)
  return undefined;
}

/** Signals an `exit` in a script or session. */
class ExitSignal {
  constructor(readonly code: number) {}
}

export class PodShell {
  private lastCode = 0;
  /** Lines read so far (dash numbers its error messages by them). */
  private line = 0;

  constructor(
    private readonly ctx: PodContext,
    /** The shell's name as invoked (`sh`, `bash`, `/bin/sh`), for error messages. */
    private readonly name: string,
  ) {}

  private get shellName(): string {
    return this.name.split('/').pop()!;
  }

  /** `sh -c TEXT` or a script: run every line; `exit N` ends early. */
  async runScript(text: string, io: CommandIO): Promise<number> {
    try {
      return await this.runText(text, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  }

  /** An interactive session: prompt, read a line, run it, until `exit` or end of input. */
  async interactive(io: CommandIO): Promise<number> {
    for (;;) {
      const line = await io.readLine!(this.prompt());
      if (line === null) {
        io.stdout('exit\n');
        return this.lastCode;
      }
      try {
        await this.runText(line, io);
      } catch (e) {
        if (e instanceof ExitSignal) return e.code;
        throw e;
      }
    }
  }

  /** bash's PS1 from the image's .bashrc; dash and ash print their plain `# ` / `$ ` unless the image sets one. */
  private prompt(): string {
    const debianSh = this.shellName === 'sh' && this.ctx.profile.shells.includes('bash');
    if (debianSh) return this.ctx.profile.user === 'root' ? '# ' : '$ ';
    return this.ctx.profile.prompt(this.ctx.hostname, this.ctx.cwd);
  }

  private env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.ctx.env) out[e.name] = e.value;
    out.HOSTNAME ??= this.ctx.hostname;
    out.PWD = this.ctx.cwd;
    out['?'] = String(this.lastCode);
    return out;
  }

  private async runText(text: string, io: CommandIO): Promise<number> {
    this.line += Math.max(1, text.split('\n').length);
    if (text.trim() === '') return this.lastCode;
    let lists;
    try {
      lists = parse(text, this.env());
    } catch (e) {
      const msg = e instanceof ParseError ? e.message : String(e);
      io.stderr(`${this.shellName}: ${msg}\n`);
      return (this.lastCode = 2);
    }
    let code = this.lastCode;
    for (const list of lists) {
      for (let i = 0; i < list.pipelines.length; i++) {
        if (i > 0) {
          const op = list.ops[i - 1];
          if (op === '&&' && code !== 0) continue;
          if (op === '||' && code === 0) continue;
        }
        if (io.signal.aborted) return code;
        const cmds = list.pipelines[i].commands;
        let input = io.stdin;
        for (let j = 0; j < cmds.length; j++) {
          const last = j === cmds.length - 1;
          const buf = last ? undefined : new BufferIO(input, io.signal);
          code = await this.runSimple(cmds[j], buf ?? io, input);
          if (buf) {
            input = buf.out;
            if (buf.err) io.stderr(buf.err);
          }
        }
        this.lastCode = code;
      }
    }
    return code;
  }

  private async runSimple(cmd: SimpleCommand, io: CommandIO, stdin: string): Promise<number> {
    const ctx = this.ctx;
    if (cmd.argv.length === 0) {
      for (const [k, v] of Object.entries(cmd.assigns)) setEnv(ctx, k, v);
      return 0;
    }
    let input = stdin;
    if (cmd.stdin && 'heredoc' in cmd.stdin) input = cmd.stdin.heredoc;
    const { stdout, stderr, files } = routeOutput(cmd.redirects, io);
    const cio: CommandIO = { stdout, stderr, stdin: input, signal: io.signal, tty: io.tty && files.length === 0, readLine: io.readLine, columns: io.columns };
    const [name, ...args] = cmd.argv;
    const code = await this.runCommand(name, args, cio);
    for (const f of files) writeRedirect(ctx, f.path, f.text, f.append);
    return code;
  }

  private async runCommand(name: string, args: string[], io: CommandIO): Promise<number> {
    const ctx = this.ctx;
    switch (name) {
      case 'exit':
        throw new ExitSignal(args[0] !== undefined ? Number(args[0]) & 255 : this.lastCode);
      case 'cd': {
        const dir = args[0] ?? (ctx.profile.user === 'root' ? '/root' : `/home/${ctx.profile.user}`);
        ctx.cwd = dir.startsWith('/') ? dir.replace(/(.)\/$/, '$1') : `${ctx.cwd === '/' ? '' : ctx.cwd}/${dir}`;
        return 0;
      }
      case 'export':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) setEnv(ctx, a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      case 'echo':
      case 'true':
      case 'false':
      case 'pwd':
        return COREUTILS[name](args, io, ctx);
    }
    const prog = findProgram(ctx, name);
    if (prog === undefined) {
      io.stderr(`${ctx.profile.notFound(this.shellName, name, this.line)}\n`);
      return 127;
    }
    if (prog === 'shell') return runShell(ctx, name, args, io);
    return await prog(args, io, ctx);
  }
}

function setEnv(ctx: PodContext, name: string, value: string): void {
  const e = ctx.env.find((x) => x.name === name);
  if (e) e.value = value;
  else ctx.env.push({ name, value });
}

/** `sh`, `sh -c TEXT`, `sh SCRIPT` and `sh` reading stdin. */
export async function runShell(ctx: PodContext, name: string, args: string[], io: CommandIO): Promise<number> {
  const shell = new PodShell(ctx, name);
  const c = args.indexOf('-c');
  if (c >= 0) {
    const text = args[c + 1];
    if (text === undefined) {
      io.stderr(`${name.split('/').pop()}: -c: option requires an argument\n`);
      return 2;
    }
    return shell.runScript(text, io);
  }
  if (io.readLine && io.tty) return shell.interactive(io);
  return shell.runScript(io.stdin, io);
}
