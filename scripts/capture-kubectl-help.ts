/**
 * Capture `kubectl <verb> --help` from the real kubectl v1.33 for every command we serve, into
 * src/kubectl/help-texts.json. Descriptions, examples and usage lines stay verbatim; the Options
 * section keeps only the flags our command defines, and "Available Commands" only the
 * subcommands we serve. Run: npx tsx scripts/capture-kubectl-help.ts  (KUBECTL_133 overrides the path)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { KubectlCommand } from '../src/kubectl/command.ts';
import { COMMANDS } from '../src/kubectl/commands/index.ts';
import { trimHelp } from '../src/kubectl/help.ts';

const KUBECTL = process.env.KUBECTL_133 ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

function real(args: string[]): string {
  return execFileSync(KUBECTL, [...args, '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', KUBECONFIG: '/dev/null' } });
}

const texts: Record<string, string> = {};
const walk = (cmd: KubectlCommand, path: string[]) => {
  texts[path.join(' ')] = trimHelp(real(path), cmd);
  for (const sub of cmd.subcommands ?? []) walk(sub, [...path, sub.name]);
};
for (const cmd of COMMANDS) walk(cmd, [cmd.name]);
texts[''] = real([]);
const out = new URL('../src/kubectl/help-texts.json', import.meta.url).pathname;
writeFileSync(out, JSON.stringify(texts, null, 1) + '\n');
process.stdout.write(`wrote ${Object.keys(texts).length} help texts to ${out}\n`);
