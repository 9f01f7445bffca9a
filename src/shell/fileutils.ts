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
import { parseOptions, reportUsage, UsageError } from './getopt.ts';

/** GNU's long names for the short options these tools take. */
const LONG_NAMES: Record<string, string> = { force: 'f', recursive: 'r', parents: 'p' };

/** The options (`-R` is `-r`) and operands, or the exit code after GNU's message for a bad option. */
function readArgs(tool: string, args: string[], io: CommandIO, flags: string): { has(flag: string): boolean; operands: string[] } | number {
  const long = Object.fromEntries(Object.entries(LONG_NAMES).filter(([, short]) => flags.includes(short)));
  try {
    const { opts, operands } = parseOptions(tool, args, { withValue: '', flags, long });
    return { has: (f) => opts.has(f) || (f === 'r' && opts.has('R')), operands };
  } catch (e) {
    return reportUsage(io, e, tool, 1);
  }
}

/** A missing operand, said as GNU says it (with the --help hint). */
const missing = (io: CommandIO, tool: string, message: string) => reportUsage(io, new UsageError(`${tool}: ${message}`), tool, 1);

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
  const parsed = readArgs(tool, args, io, tool === 'cp' ? 'rRf' : 'f');
  if (typeof parsed === 'number') return parsed;
  const { has, operands } = parsed;
  if (operands.length === 0) return missing(io, tool, 'missing file operand');
  if (operands.length === 1) return missing(io, tool, `missing destination file operand after '${operands[0]}'`);
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
    if (tool === 'cp' && fs.isDir(src) && !has('r')) {
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
    const parsed = readArgs('touch', args, io, '');
    if (typeof parsed === 'number') return parsed;
    const { operands } = parsed;
    if (operands.length === 0) return missing(io, 'touch', 'missing file operand');
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
    const parsed = readArgs('rm', args, io, 'rRf');
    if (typeof parsed === 'number') return parsed;
    const { has, operands } = parsed;
    if (operands.length === 0) return has('f') ? 0 : missing(io, 'rm', 'missing operand');
    let code = 0;
    for (const p of operands) {
      if (shell.fs.isDir(p)) {
        if (has('r')) shell.fs.removeTree(p);
        else {
          io.stderr(`rm: cannot remove '${p}': Is a directory\n`);
          code = 1;
        }
      } else if (!shell.fs.remove(p) && !has('f')) {
        io.stderr(`rm: cannot remove '${p}': No such file or directory\n`);
        code = 1;
      }
    }
    return code;
  },
  mv: (args, io, shell) => transfer('mv', args, io, shell.fs),
  cp: (args, io, shell) => transfer('cp', args, io, shell.fs),
  mkdir(args, io, shell) {
    const parsed = readArgs('mkdir', args, io, 'p');
    if (typeof parsed === 'number') return parsed;
    const { has, operands } = parsed;
    if (operands.length === 0) return missing(io, 'mkdir', 'missing operand');
    let code = 0;
    for (const p of operands) {
      if (shell.fs.isDir(p) && has('p')) continue;
      const problem = shell.fs.exists(p) ? 'File exists' : !has('p') && !shell.fs.isDir(shell.fs.parentOf(p)) ? 'No such file or directory' : undefined;
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
