/**
 * kubectl config (pkg/cmd/config): view, current-context, get-contexts, set-context, use-context
 * on the shell's kubeconfig. `view` hides certificate data (DATA+OMITTED) and tokens (REDACTED)
 * unless --raw, as clientcmdapi.ShortenConfig/RedactSecrets do.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { currentContext, kubeadmKubeconfig, type Kubeconfig } from '../kubeconfig.ts';
import { GET_TABLE, TabWriter } from '../tabwriter.ts';

function kubeconfigOf(inv: Invocation): Kubeconfig {
  if (!inv.ctx.kubeconfig) inv.ctx.kubeconfig = kubeadmKubeconfig();
  return inv.ctx.kubeconfig;
}

const DATA_KEYS = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];

function shortened(kc: Kubeconfig, raw: boolean, minify: boolean, contextName: string): Kubeconfig {
  let copy: Kubeconfig = JSON.parse(JSON.stringify(kc));
  if (minify) {
    const ctx = currentContext(copy, contextName);
    if (!ctx) throw new KubectlError(`current-context must exist in order to minify`);
    copy = {
      clusters: copy.clusters.filter((c) => c.name === ctx.context.cluster),
      contexts: [ctx],
      users: copy.users.filter((u) => u.name === ctx.context.user),
      'current-context': ctx.name,
    };
  }
  if (!raw) {
    for (const part of [...copy.clusters.map((c) => c.cluster), ...copy.users.map((u) => u.user)] as Record<string, string>[]) {
      for (const k of DATA_KEYS) if (part[k] !== undefined) part[k] = 'DATA+OMITTED';
      if (part.token !== undefined) part.token = 'REDACTED';
    }
  }
  return copy;
}

function yamlMap(obj: Record<string, string | undefined>, indent: string): string {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined && obj[k] !== '')
    .sort()
    .map((k) => `${indent}${k}: ${obj[k]}\n`)
    .join('');
}

function toYAML(kc: Kubeconfig): string {
  let y = 'apiVersion: v1\n';
  y += kc.clusters.length ? 'clusters:\n' + kc.clusters.map((c) => `- cluster:\n${yamlMap(c.cluster, '    ')}  name: ${c.name}\n`).join('') : 'clusters: null\n';
  y += kc.contexts.length ? 'contexts:\n' + kc.contexts.map((c) => `- context:\n${yamlMap(c.context, '    ')}  name: ${c.name}\n`).join('') : 'contexts: null\n';
  y += `current-context: ${kc['current-context'] || '""'}\n`;
  y += 'kind: Config\npreferences: {}\n';
  y += kc.users.length ? 'users:\n' + kc.users.map((u) => `- name: ${u.name}\n  user:${Object.keys(u.user).length ? `\n${yamlMap(u.user, '    ')}` : ' {}\n'}`).join('') : 'users: null\n';
  return y;
}

/** The JSON printer over the versioned Config: struct field order, 4-space indent. */
function toJSON(kc: Kubeconfig): string {
  const ordered = (o: Record<string, string | undefined>, order: string[]) => Object.fromEntries(order.filter((k) => o[k]).map((k) => [k, o[k]]));
  const doc = {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: kc.clusters.map((c) => ({ name: c.name, cluster: ordered(c.cluster, ['server', 'certificate-authority-data']) })),
    users: kc.users.map((u) => ({ name: u.name, user: ordered(u.user, ['client-certificate-data', 'client-key-data', 'token']) })),
    contexts: kc.contexts.map((c) => ({ name: c.name, context: ordered(c.context, ['cluster', 'user', 'namespace']) })),
    'current-context': kc['current-context'],
  };
  return JSON.stringify(doc, null, 4) + '\n';
}

const view: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml).' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
  ],
  run(inv) {
    const kc = shortened(kubeconfigOf(inv), inv.flags.bool('raw'), inv.flags.bool('minify'), inv.flags.string('context'));
    const output = inv.flags.string('output');
    if (output === 'json') inv.io.stdout(toJSON(kc));
    else if (output === 'yaml' || output === '') inv.io.stdout(toYAML(kc));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
    return 0;
  },
};

const currentContextCmd: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
  run(inv) {
    const kc = kubeconfigOf(inv);
    if (!kc['current-context']) throw new KubectlError('current-context is not set');
    inv.io.stdout(`${kc['current-context']}\n`);
    return 0;
  },
};

const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
  run(inv) {
    const kc = kubeconfigOf(inv);
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const wanted = inv.flags.args;
    const missing = wanted.filter((n) => !kc.contexts.some((c) => c.name === n));
    const shown = wanted.length ? kc.contexts.filter((c) => wanted.includes(c.name)) : [...kc.contexts].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (output === 'name') {
      for (const c of shown) inv.io.stdout(`${c.name}\n`);
    } else {
      const w = new TabWriter(GET_TABLE);
      if (!inv.flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const c of shown) {
        const mark = c.name === kc['current-context'] ? '*' : '';
        w.write(`${mark}\t${c.name}\t${c.context.cluster}\t${c.context.user}\t${c.context.namespace ?? ''}\n`);
      }
      inv.io.stdout(w.flush());
    }
    if (missing.length) throw new KubectlError(missing.map((n) => `context ${n} not found`).join('\n'));
    return 0;
  },
};

const setContext: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [{ name: 'current', type: 'bool', usage: 'Modify the current context' }],
  run(inv) {
    const kc = kubeconfigOf(inv);
    const args = inv.flags.args;
    let name: string;
    if (inv.flags.bool('current')) {
      if (args.length > 0) throw new KubectlError('you cannot specify a context name and --current');
      if (!kc['current-context']) throw new KubectlError('no current context is set');
      name = kc['current-context'];
    } else {
      if (args.length !== 1) throw new KubectlError('you must specify a non-empty context name or --current', "See 'kubectl config set-context -h' for help and examples");
      name = args[0];
    }
    let ctx = kc.contexts.find((c) => c.name === name);
    const existed = !!ctx;
    if (!ctx) {
      ctx = { name, context: { cluster: '', user: '' } };
      kc.contexts.push(ctx);
    }
    if (inv.flags.changed('cluster')) ctx.context.cluster = inv.flags.string('cluster');
    if (inv.flags.changed('user')) ctx.context.user = inv.flags.string('user');
    if (inv.flags.changed('namespace')) {
      const ns = inv.flags.string('namespace');
      if (ns) ctx.context.namespace = ns;
      else delete ctx.context.namespace;
    }
    inv.io.stdout(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

const useContext: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  run(inv) {
    const kc = kubeconfigOf(inv);
    const name = inv.flags.args[0];
    if (!name) throw new KubectlError('empty context names are not allowed', "See 'kubectl config use-context -h' for help and examples");
    if (!kc.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: "${name}"`);
    kc['current-context'] = name;
    inv.io.stdout(`Switched to context "${name}".\n`);
    return 0;
  },
};

export const configCommand: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContextCmd, getContexts, setContext, useContext, view],
};
