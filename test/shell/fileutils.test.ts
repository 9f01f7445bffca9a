/**
 * touch, rm, mv, cp and mkdir, and output redirections, against the real GNU coreutils and bash
 * on this machine: one script of
 * commands run step by step by bash in an empty temporary directory and by our shell in the
 * learner's home; each step must print the same and exit the same, and the files left must be
 * the same, content included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';
import { HOME } from '../../src/shell/vfs.ts';
import { Cluster } from '../../src/cluster/cluster.ts';

const SCRIPT = [
  'echo a > a.yaml', 'touch b.yaml', 'touch a.yaml', 'touch x/y', 'touch', 'touch 한국어.yaml',
  'rm', 'rm nope', 'rm -f nope', 'rm -f', 'rm -x', 'rm --bogus a.yaml',
  'mkdir d', 'mkdir d', 'mkdir', 'mkdir e/f', 'mkdir -p e/f', 'mkdir -p e/f', 'mkdir a.yaml',
  'rm d', 'rm -r d', 'rm -r d',
  'mv', 'mv a.yaml', 'mv nope z', 'mv a.yaml a.yaml', 'mv a.yaml c.yaml', 'mv c.yaml e', 'mv b.yaml 한국어.yaml e/f',
  'mv b.yaml nodir/x', 'mv e/c.yaml e/f/g.yaml x.yaml',
  'cp', 'cp e/c.yaml', 'cp nope z', 'cp e/c.yaml e/c.yaml', 'cp e/c.yaml top.yaml', 'cp e top', 'cp -r e top', 'cp -R e top2',
  'cp top.yaml nodir/x', 'cp top.yaml e/f/g.yaml more.yaml',
  'mv e moved', 'rm -rf top2', 'rm -r top moved/f',
  // Redirections are opened in order before the command runs; one that cannot be opened stops it.
  'echo hi > r1 > r2', 'cat r1', 'cat r2', 'echo hi > moved', 'echo hi > nodir/x', 'echo hi 2> moved', 'echo x >> moved',
  'cat nofile 2> err.txt', 'cat err.txt', 'echo more >> r2', 'cat r2', 'cat r2 > r2', 'cat r2', 'echo new >> r3', 'echo hi 2>&1 > r4', 'cat r4',
  'ls -R',
];

/** Every file below a real directory, with its content, keyed by relative path. */
function realTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, realTree(p, `${prefix}${name}/`), { [`${prefix}${name}/`]: '' });
    else out[prefix + name] = readFileSync(p, 'utf8');
  }
  return out;
}

const haveGnu = existsSync('/usr/bin/touch') && existsSync('/bin/bash');

describe('file tools match GNU coreutils', () => {
  if (!haveGnu) {
    it('needs GNU coreutils and bash to compare with', () => {
      throw new Error('GNU coreutils or bash not found');
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-fileutils-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });

  it('gives the same output, exit codes and files, step by step', async () => {
    for (const command of SCRIPT.filter((c) => c !== 'ls -R')) {
      const real = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', command], { cwd: dir, encoding: 'utf8', env: { LC_ALL: 'C.UTF-8', PATH: '/usr/bin:/bin' } });
      const io = new BufferIO('');
      const code = await shell.run(command, io);
      // bash -c names the line of its script in errors; the terminal's interactive bash does not.
      const realErr = real.stderr.replace(/^(\/bin\/)?bash: line 1: /gm, 'bash: ');
      expect({ command, out: io.out, err: io.err, code }).toEqual({ command, out: real.stdout, err: realErr, code: real.status });
    }
    // The files (and directories, ending in /) left in both places.
    const ours: Record<string, string> = {};
    for (const f of shell.fs.filesUnder(HOME)) ours[f.slice(HOME.length + 1)] = shell.fs.read(f)!;
    const dirsOf = (path: string): string[] => shell.fs.list(path).filter((e) => e.endsWith('/')).flatMap((d) => [`${path}/${d}`, ...dirsOf(`${path}/${d.slice(0, -1)}`)]);
    for (const d of dirsOf(HOME)) ours[d.slice(HOME.length + 1)] = '';
    expect(ours).toEqual(realTree(dir));
  });
});
