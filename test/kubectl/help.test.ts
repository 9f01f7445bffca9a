/**
 * Help texts against the real kubectl v1.33 (no server needed for --help): for every command we
 * serve, our `--help` equals the real text reduced to the flags and subcommands we serve, and
 * every flag we accept is one the real command has. The root help lists our verbs in kubectl's
 * groups and order.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { KubectlCommand } from '../../src/kubectl/command.ts';
import { COMMANDS } from '../../src/kubectl/commands/index.ts';
import { trimHelp } from '../../src/kubectl/help.ts';
import { runKubectl } from '../../src/kubectl/kubectl.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { VirtualFS } from '../../src/shell/vfs.ts';
import { REAL_KUBECTL } from '../support/real-kubectl.ts';

function real(args: string[]): string {
  if (!REAL_KUBECTL) throw new Error('the real kubectl v1.33 is needed for this test (set KUBECTL_133)');
  return execFileSync(REAL_KUBECTL, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', KUBECONFIG: '/dev/null' } });
}

async function ours(args: string[]): Promise<{ out: string; code: number }> {
  const cluster = new Cluster({ seed: 1 });
  const io = new BufferIO();
  const code = await runKubectl(args, { api: cluster.api, fs: new VirtualFS(), now: () => 0, namespace: 'default' }, io);
  return { out: io.out, code };
}

const paths: [string[], KubectlCommand][] = [];
const walk = (cmd: KubectlCommand, path: string[]) => {
  paths.push([path, cmd]);
  for (const s of cmd.subcommands ?? []) walk(s, [...path, s.name]);
};
for (const c of COMMANDS) walk(c, [c.name]);

describe('kubectl <verb> --help matches the real kubectl', () => {
  for (const [path, cmd] of paths) {
    it(path.join(' '), async () => {
      const text = real([...path, '--help']);
      const got = await ours([...path, '--help']);
      expect(got.code).toBe(0);
      expect(got.out).toBe(trimHelp(text, cmd));
      // -h is the same
      expect((await ours([...path, '-h'])).out).toBe(got.out);
      // No flag of ours is missing from the real command.
      for (const f of cmd.flags.filter((x) => !x.hidden)) expect(text, `--${f.name}`).toMatch(new RegExp(`^ {4}(-${f.shorthand ?? 'X'}, )?--${f.name}=`, 'm'));
    });
  }

  it('scale --help keeps the real description, examples and usage verbatim', async () => {
    const text = real(['scale', '--help']);
    const got = (await ours(['scale', '--help'])).out;
    expect(got.slice(0, got.indexOf('Options:'))).toBe(text.slice(0, text.indexOf('Options:')));
    expect(got.slice(got.indexOf('Usage:'))).toBe(text.slice(text.indexOf('Usage:')));
  });

  it('kubectl --help: the real groups and order, only the verbs we serve', async () => {
    const text = real(['--help']);
    const got = (await ours(['--help'])).out;
    const served = new Set(COMMANDS.map((c) => c.name));
    const realLines = text.split("\n").filter((l) => !/^ {2}[a-z-]+ {2,}\S/.test(l) || served.has(l.trim().split(/\s+/)[0]));
    const ourLines = got.split('\n');
    // Every line we print is a line of the real help, in the same order.
    let j = 0;
    for (const l of ourLines) {
      while (j < realLines.length && realLines[j] !== l) j++;
      expect(j, l).toBeLessThan(realLines.length);
      j++;
    }
    for (const name of served) expect(got).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(got).toContain('Basic Commands (Beginner):\n  create ');
  });
});
