/** `kubectl --help` and `kubectl <verb> --help`, laid out as cobra and kubectl's templates do. */
import type { KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export function helpText(cmd: KubectlCommand | undefined, path: string[]): string {
  if (!cmd) {
    const lines = COMMANDS.filter((c) => c.short).map((c) => `  ${c.name.padEnd(15)}${c.short}`);
    return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  }
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
  void path;
  return out;
}
