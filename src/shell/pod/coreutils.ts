/**
 * The small programs every image has (coreutils or busybox applets), as far as a Services lab
 * needs them: env, hostname, cat of the files the kubelet writes, ls/touch/rm of marker files
 * a readiness probe looks at, echo, sleep, grep.
 */
import type { CommandIO } from '../io.ts';
import { hostsFile, resolvConf, type PodContext, type Tool } from './context.ts';

const gnu = (ctx: PodContext) => !ctx.profile.shells.includes('ash');

/** The process environment as `env` prints it (runc adds HOME when unset). */
export function processEnv(ctx: PodContext): string {
  const lines = ctx.env.map((e) => `${e.name}=${e.value}`);
  if (!ctx.env.some((e) => e.name === 'HOME')) lines.push(`HOME=${ctx.profile.user === 'root' ? '/root' : `/home/${ctx.profile.user}`}`);
  return lines.map((l) => l + '\n').join('');
}

/** Files a container's root has that the lab reads. */
function readFile(ctx: PodContext, path: string): string | undefined {
  const written = ctx.files.get(path);
  if (written !== undefined) return written;
  switch (path) {
    case '/etc/resolv.conf':
      return resolvConf(ctx.namespace);
    case '/etc/hosts':
      return hostsFile(ctx);
    case '/etc/hostname':
      return `${ctx.hostname}\n`;
    case '/var/run/secrets/kubernetes.io/serviceaccount/namespace':
      return ctx.namespace;
  }
  if (ctx.runtime.fileExists(ctx.namespace, ctx.pod.metadata.name!, ctx.container, path)) return '';
  return undefined;
}

function abs(ctx: PodContext, p: string): string {
  if (p.startsWith('/')) return p;
  return (ctx.cwd === '/' ? '' : ctx.cwd) + '/' + p;
}

const ROOT_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

export const COREUTILS: Record<string, Tool> = {
  env(args, io, ctx) {
    if (args.length > 0) {
      io.stderr(gnu(ctx) ? `env: '${args[0]}': No such file or directory\n` : `env: can't execute '${args[0]}': No such file or directory\n`);
      return 127;
    }
    io.stdout(processEnv(ctx));
    return 0;
  },
  printenv(args, io, ctx) {
    if (args.length === 0) {
      io.stdout(processEnv(ctx));
      return 0;
    }
    let code = 0;
    for (const name of args) {
      const v = ctx.env.find((e) => e.name === name)?.value;
      if (v === undefined) code = 1;
      else io.stdout(v + '\n');
    }
    return code;
  },
  hostname(args, io, ctx) {
    io.stdout(args.includes('-i') ? `${ctx.podIP}\n` : `${ctx.hostname}\n`);
    return 0;
  },
  cat(args, io, ctx) {
    if (args.length === 0) {
      io.stdout(io.stdin);
      return 0;
    }
    let code = 0;
    for (const a of args) {
      const text = readFile(ctx, abs(ctx, a));
      if (text === undefined) {
        io.stderr(gnu(ctx) ? `cat: ${a}: No such file or directory\n` : `cat: can't open '${a}': No such file or directory\n`);
        code = 1;
      } else io.stdout(text);
    }
    return code;
  },
  ls(args, io, ctx) {
    const paths = args.filter((a) => !a.startsWith('-'));
    if (paths.length === 0) paths.push(ctx.cwd);
    let code = 0;
    for (const p of paths) {
      const full = abs(ctx, p);
      if (full === '/') io.stdout(ROOT_DIRS.join('\n') + '\n');
      else if (ROOT_DIRS.includes(full.slice(1)) || full === ctx.cwd) {
        const inside = [...ctx.files.keys()].filter((f) => f.startsWith(full + '/')).map((f) => f.slice(full.length + 1));
        if (inside.length) io.stdout(inside.sort().join('\n') + '\n');
      } else if (readFile(ctx, full) !== undefined) io.stdout(`${p}\n`);
      else {
        io.stderr(gnu(ctx) ? `ls: cannot access '${p}': No such file or directory\n` : `ls: ${p}: No such file or directory\n`);
        code = gnu(ctx) ? 2 : 1;
      }
    }
    return code;
  },
  touch(args, _io, ctx) {
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const full = abs(ctx, a);
      ctx.runtime.writeFile(ctx.namespace, ctx.pod.metadata.name!, ctx.container, full);
      if (!ctx.files.has(full)) ctx.files.set(full, '');
    }
    return 0;
  },
  rm(args, io, ctx) {
    const force = args.some((a) => /^-[a-z]*f/.test(a));
    let code = 0;
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const full = abs(ctx, a);
      const had = ctx.files.delete(full);
      const removed = ctx.runtime.removeFile(ctx.namespace, ctx.pod.metadata.name!, ctx.container, full);
      if (!had && !removed && !force) {
        io.stderr(gnu(ctx) ? `rm: cannot remove '${a}': No such file or directory\n` : `rm: can't remove '${a}': No such file or directory\n`);
        code = 1;
      }
    }
    return code;
  },
  echo(args, io) {
    const n = args[0] === '-n';
    io.stdout(args.slice(n ? 1 : 0).join(' ') + (n ? '' : '\n'));
    return 0;
  },
  async sleep(args, io, ctx) {
    const s = Number((args[0] ?? '').replace(/s$/, ''));
    if (!Number.isFinite(s)) {
      io.stderr(gnu(ctx) ? `sleep: invalid time interval '${args[0] ?? ''}'\n` : `sleep: invalid number '${args[0] ?? ''}'\n`);
      return 1;
    }
    await ctx.sleep(s, io.signal);
    return 0;
  },
  true: () => 0,
  false: () => 1,
  pwd(_args, io, ctx) {
    io.stdout(ctx.cwd + '\n');
    return 0;
  },
  whoami(_args, io, ctx) {
    io.stdout(ctx.profile.user + '\n');
    return 0;
  },
  id(_args, io, ctx) {
    io.stdout(ctx.profile.user === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)\n' : `uid=100(${ctx.profile.user}) gid=101(${ctx.profile.user}) groups=101(${ctx.profile.user})\n`);
    return 0;
  },
  uname(args, io) {
    io.stdout(args.includes('-a') ? 'Linux kubelab 6.8.0-51-generic #52-Ubuntu SMP x86_64 GNU/Linux\n' : 'Linux\n');
    return 0;
  },
  date(_args, io, ctx) {
    io.stdout(new Date(ctx.clock.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4') + '\n');
    return 0;
  },
  grep(args, io) {
    const flags = args.filter((a) => a.startsWith('-'));
    const rest = args.filter((a) => !a.startsWith('-'));
    const pattern = rest[0];
    if (pattern === undefined) {
      io.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
      return 2;
    }
    const ci = flags.some((f) => f.includes('i'));
    const invert = flags.some((f) => f.includes('v'));
    let re: RegExp;
    try {
      re = new RegExp(pattern, ci ? 'i' : '');
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ci ? 'i' : '');
    }
    const lines = io.stdin.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const hits = lines.filter((l) => re.test(l) !== invert);
    io.stdout(hits.map((l) => l + '\n').join(''));
    return hits.length > 0 ? 0 : 1;
  },
  head(args, io) {
    let n = 10;
    for (let i = 0; i < args.length; i++) if (args[i] === '-n') n = Number(args[++i]);
    else if (/^-\d+$/.test(args[i])) n = Number(args[i].slice(1));
    const lines = io.stdin.split('\n');
    io.stdout(lines.slice(0, n).join('\n') + (lines.length > n ? '\n' : ''));
    return 0;
  },
  mkdir: () => 0,
};

export function writeRedirect(ctx: PodContext, path: string, text: string, append: boolean): void {
  const full = abs(ctx, path);
  ctx.files.set(full, append ? (ctx.files.get(full) ?? '') + text : text);
}

export type { CommandIO };
