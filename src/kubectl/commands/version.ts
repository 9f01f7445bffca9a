/**
 * kubectl version (pkg/cmd/version/version.go): client and Kustomize versions, and the server's
 * from /version unless --client; -o json (indented, struct field order) or yaml (sorted keys).
 */
import { SERVER_VERSION } from '../../cluster/version.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';

/** The real kubectl v1.33.1 binary's build information. */
export const CLIENT_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:27:33Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64',
};
export const KUSTOMIZE_VERSION = 'v5.6.0';

/** sigs.k8s.io/yaml output of a flat string map: sorted keys, strings YAML would misread quoted. */
function yamlBlock(obj: Record<string, string>, indent: string): string {
  return Object.keys(obj)
    .sort()
    .map((k) => {
      const v = obj[k];
      const quote = /^[0-9.+-]/.test(v) && !/^[A-Za-z]/.test(v) && (/^[-+]?[0-9.]+$/.test(v) || /^\d{4}-\d\d-\d\d/.test(v));
      return `${indent}${k}: ${quote ? JSON.stringify(v) : v}\n`;
    })
    .join('');
}

function run(inv: Invocation): number {
  const { flags, io } = inv;
  if (flags.args.length > 0) throw new KubectlError(`extra arguments: [${flags.args.join(' ')}]`);
  const output = flags.string('output');
  if (output !== '' && output !== 'json' && output !== 'yaml') throw new KubectlError("--output must be 'yaml' or 'json'");
  const server = flags.bool('client') ? undefined : SERVER_VERSION;
  if (output === '') {
    io.stdout(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) io.stdout(`Server Version: ${server.gitVersion}\n`);
  } else if (output === 'json') {
    const v: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) v.serverVersion = server;
    io.stdout(JSON.stringify(v, null, 2) + '\n');
  } else {
    let y = `clientVersion:\n${yamlBlock(CLIENT_VERSION, '  ')}kustomizeVersion: ${KUSTOMIZE_VERSION}\n`;
    if (server) y += `serverVersion:\n${yamlBlock(server, '  ')}`;
    io.stdout(y + '\n');
  }
  return 0;
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run,
};
