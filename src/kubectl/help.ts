/**
 * `kubectl --help` and `kubectl <verb> --help`: the real kubectl v1.33 texts (captured by
 * scripts/capture-kubectl-help.ts into help-texts.json), with the Options section holding only
 * the flags we accept and "Available Commands" only the subcommands we serve. The root help keeps
 * kubectl's groups (Basic Commands (Beginner): ...) and lists the verbs we serve.
 */
import type { KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import HELP_TEXTS from './help-texts.json' with { type: 'json' };

const TEXTS = HELP_TEXTS as Record<string, string>;

/** A captured help text reduced to what `cmd` serves (flags and subcommands). */
export function trimHelp(text: string, cmd: KubectlCommand): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const flagNames = new Set(cmd.flags.filter((f) => !f.hidden).map((f) => f.name));
  const subs = (cmd.subcommands ?? []).map((s) => s.name);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === 'Available Commands:') {
      out.push(line);
      i++;
      const entries: [string, string][] = [];
      while (i < lines.length && lines[i].startsWith('  ')) {
        const m = /^ {2}(\S+)\s+(.*)$/.exec(lines[i]);
        if (m && subs.includes(m[1])) entries.push([m[1], m[2]]);
        i++;
      }
      // cobra pads names to the longest one (at least 11), then three spaces.
      const width = Math.max(11, ...entries.map(([n]) => n.length));
      for (const [n, s] of entries) out.push(`  ${n.padEnd(width)}   ${s}`);
      continue;
    }
    if (line === 'Options:') {
      const kept: string[][] = [];
      i++;
      let block: string[] | undefined;
      let name = '';
      const flush = () => {
        if (block && flagNames.has(name)) kept.push(block);
      };
      while (i < lines.length && lines[i] !== 'Usage:') {
        const m = /^ {4}(?:-\S, )?--([\w-]+)=/.exec(lines[i]);
        if (m) {
          flush();
          block = [lines[i]];
          name = m[1];
        } else block?.push(lines[i]);
        i++;
      }
      flush();
      if (kept.length > 0) {
        out.push('Options:');
        for (const b of kept) {
          // Each block ends with one blank line before the next (and before Usage:).
          while (b.length > 1 && b[b.length - 1] === '') b.pop();
          out.push(...b, '');
        }
      } else if (out[out.length - 1] === '') {
        // Nothing left of the section: keep the single blank line before Usage:.
      }
      continue;
    }
    out.push(line);
    i++;
  }
  return out.join('\n');
}

/** The root help: kubectl's groups, each listing the verbs we serve (empty groups dropped). */
function rootHelp(): string {
  const text = TEXTS[''];
  const served = new Set(COMMANDS.map((c) => c.name));
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^[A-Z].*Commands.*:$|^Subcommands provided by plugins:$/.test(line)) {
      const group: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j].startsWith('  ')) {
        const name = lines[j].trim().split(/\s+/)[0];
        if (served.has(name)) group.push(lines[j]);
        j++;
      }
      if (group.length > 0) out.push(line, ...group, '');
      i = j; // the blank line after the group
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

export function helpText(cmd: KubectlCommand | undefined, path: string[]): string {
  if (!cmd) return TEXTS[''] !== undefined ? rootHelp() : fallbackRoot();
  const captured = TEXTS[path.slice(1).join(' ')];
  if (captured !== undefined) return captured;
  return fallback(cmd);
}

function fallbackRoot(): string {
  const lines = COMMANDS.filter((c) => c.short).map((c) => `  ${c.name.padEnd(15)}${c.short}`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/** For a command whose text was not captured yet: our own short text and flags. */
function fallback(cmd: KubectlCommand): string {
  let out = cmd.help ?? `${cmd.short}\n`;
  const flags = cmd.flags.filter((f) => !f.hidden);
  if (flags.length > 0) {
    out += '\nOptions:\n';
    for (const f of [...flags].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const short = f.shorthand ? `-${f.shorthand}, ` : '';
      const def = f.type === 'bool' ? `=${f.default ?? false}` : f.default !== undefined && f.default !== '' ? `='${f.default}'` : '';
      out += `    ${short}--${f.name}${def}:\n\t${f.usage}\n\n`;
    }
  }
  out += `Usage:\n  ${cmd.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}
