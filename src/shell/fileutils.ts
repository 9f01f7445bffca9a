/**
 * touch, rm, mv, cp and mkdir on the learner's files (the virtual file system the editor shows),
 * with GNU coreutils' messages and exit codes (coreutils 9, LC_ALL=C.UTF-8; compared with the
 * real tools in test/shell/fileutils.test.ts). Only the options a learner tidying YAML files
 * uses: -f, -r/-R, -p. GNU quotes file names 'so' in most messages, but mkdir's "cannot create
 * directory" quotes ‘so’ (quote() rather than quoteaf()).
 */
import type { Builtin } from './builtins.ts';
import type { CommandIO } from './io.ts';
import type { VirtualFS } from './vfs.ts';

/** Split `-rf`-style flags from operands; `--` ends the options. Returns the bad option if any. */
function parseArgs(args: readonly string[], allowed: string): { flags: Set<string>; operands: string[]; bad?: string } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const a of args) {
    if (ended || !a.startsWith('-') || a === '-') operands.push(a);
    else if (a === '--') ended = true;
    else if (a.startsWith('--')) {
      const long = { '--force': 'f', '--recursive': 'r', '--parents': 'p' }[a];
      if (!long || !allowed.includes(long)) return { flags, operands, bad: `unrecognized option '${a}'` };
      flags.add(long);
    } else {
      for (const c of a.slice(1)) {
        if (!allowed.includes(c)) return { flags, operands, bad: `invalid option -- '${c}'` };
        flags.add(c === 'R' ? 'r' : c);
      }
    }
  }
  return { flags, operands };
}

function usage(io: CommandIO, tool: string, message: string): number {
  io.stderr(`${tool}: ${message}\nTry '${tool} --help' for more information.\n`);
  return 1;
}

const baseName = (fs: VirtualFS, p: string) => fs.resolve(p).split('/').pop()!;

/** Where `mv`/`cp` puts SRC: into DEST when DEST is a directory, else DEST itself. */
const targetOf = (fs: VirtualFS, src: string, dest: string) => (fs.isDir(dest) ? `${fs.resolve(dest)}/${baseName(fs, src)}` : fs.resolve(dest));

/** Copy a file or a directory tree; the caller has checked SRC exists. */
function copy(fs: VirtualFS, src: string, to: string): void {
  if (!fs.isDir(src)) {
    fs.write(to, fs.read(src) ?? '');
    return;
  }
  const from = fs.resolve(src);
  fs.mkdirp(to);
  for (const f of fs.filesUnder(from)) fs.write(to + f.slice(from.length), fs.read(f) ?? '');
}

/** Shared by mv and cp: operands, missing sources, same file, into a directory. */
function transfer(tool: 'mv' | 'cp', args: string[], io: CommandIO, fs: VirtualFS): number {
  const { flags, operands, bad } = parseArgs(args, tool === 'cp' ? 'rRf' : 'f');
  if (bad) return usage(io, tool, bad);
  if (operands.length === 0) return usage(io, tool, 'missing file operand');
  if (operands.length === 1) return usage(io, tool, `missing destination file operand after '${operands[0]}'`);
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !fs.isDir(dest)) {
    io.stderr(`${tool}: target '${dest}': ${fs.exists(dest) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  let code = 0;
  for (const src of sources) {
    if (!fs.exists(src)) {
      io.stderr(`${tool}: cannot stat '${src}': No such file or directory\n`);
      code = 1;
      continue;
    }
    if (tool === 'cp' && fs.isDir(src) && !flags.has('r')) {
      io.stderr(`cp: -r not specified; omitting directory '${src}'\n`);
      code = 1;
      continue;
    }
    const to = targetOf(fs, src, dest);
    if (to === fs.resolve(src)) {
      io.stderr(`${tool}: '${src}' and '${dest}' are the same file\n`);
      code = 1;
      continue;
    }
    if (!fs.isDir(fs.parentOf(to))) {
      io.stderr(`${tool}: cannot ${tool === 'mv' ? 'move' : 'create regular file'} '${tool === 'mv' ? src : dest}'${tool === 'mv' ? ` to '${dest}'` : ''}: No such file or directory\n`);
      code = 1;
      continue;
    }
    copy(fs, src, to);
    if (tool === 'mv') {
      if (fs.isDir(src)) fs.removeTree(src);
      else fs.remove(src);
    }
  }
  return code;
}

export const FILE_UTILS: Record<string, Builtin> = {
  touch(args, io, shell) {
    const { operands, bad } = parseArgs(args, '');
    if (bad) return usage(io, 'touch', bad);
    if (operands.length === 0) return usage(io, 'touch', 'missing file operand');
    let code = 0;
    for (const p of operands) {
      if (shell.fs.exists(p)) continue;
      if (!shell.fs.isDir(shell.fs.parentOf(p))) {
        io.stderr(`touch: cannot touch '${p}': No such file or directory\n`);
        code = 1;
        continue;
      }
      shell.fs.write(p, '');
    }
    return code;
  },
  rm(args, io, shell) {
    const { flags, operands, bad } = parseArgs(args, 'rRf');
    if (bad) return usage(io, 'rm', bad);
    if (operands.length === 0) return flags.has('f') ? 0 : usage(io, 'rm', 'missing operand');
    let code = 0;
    for (const p of operands) {
      if (shell.fs.isDir(p)) {
        if (flags.has('r')) shell.fs.removeTree(p);
        else {
          io.stderr(`rm: cannot remove '${p}': Is a directory\n`);
          code = 1;
        }
      } else if (!shell.fs.remove(p) && !flags.has('f')) {
        io.stderr(`rm: cannot remove '${p}': No such file or directory\n`);
        code = 1;
      }
    }
    return code;
  },
  mv: (args, io, shell) => transfer('mv', args, io, shell.fs),
  cp: (args, io, shell) => transfer('cp', args, io, shell.fs),
  mkdir(args, io, shell) {
    const { flags, operands, bad } = parseArgs(args, 'p');
    if (bad) return usage(io, 'mkdir', bad);
    if (operands.length === 0) return usage(io, 'mkdir', 'missing operand');
    let code = 0;
    for (const p of operands) {
      if (shell.fs.isDir(p) && flags.has('p')) continue;
      const problem = shell.fs.exists(p) ? 'File exists' : !flags.has('p') && !shell.fs.isDir(shell.fs.parentOf(p)) ? 'No such file or directory' : undefined;
      if (problem) {
        io.stderr(`mkdir: cannot create directory ‘${p}’: ${problem}\n`);
        code = 1;
        continue;
      }
      shell.fs.mkdirp(p);
    }
    return code;
  },
};
