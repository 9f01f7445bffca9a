/**
 * Cobra's "Did you mean this?" for an unknown command (spf13/cobra command.go
 * SuggestionsFor): every available subcommand whose name is within Levenshtein distance 2 of
 * what was typed (ignoring case) or starts with it, in the order kubectl adds its commands.
 */

/** kubectl v1.33's root commands in the order cmd.go adds them (its help groups, then the rest). */
export const KUBECTL_COMMAND_ORDER = [
  'create', 'expose', 'run', 'set',
  'explain', 'get', 'edit', 'delete',
  'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events',
  'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize',
  'label', 'annotate', 'completion',
  'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

export function suggestionsFor(typed: string, names: readonly string[] = KUBECTL_COMMAND_ORDER): string[] {
  return names.filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
}

/** The whole message: `unknown command "x" for "kubectl"` and, when there are any, the suggestions. */
export function unknownCommandMessage(typed: string, parent = 'kubectl', names?: readonly string[]): string {
  const s = suggestionsFor(typed, names);
  let msg = `unknown command "${typed}" for "${parent}"`;
  if (s.length > 0) msg += `\n\nDid you mean this?\n${s.map((x) => `\t${x}`).join('\n')}`;
  return msg;
}
