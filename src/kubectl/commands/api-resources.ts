/**
 * kubectl api-resources and api-versions (pkg/cmd/apiresources): the server's discovery, sorted
 * by group then name; -o wide adds VERBS and CATEGORIES; -o name prints `resource.group`.
 */
import type { ResourceInfo } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { GET_TABLE, TabWriter } from '../tabwriter.ts';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function runResources(inv: Invocation): number {
  const { flags, io } = inv;
  if (flags.args.length > 0) throw new KubectlError(`unexpected arguments: [${flags.args.join(' ')}]`, "See 'kubectl api-resources -h' for help and examples");
  const output = flags.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') {
    throw new KubectlError(`--output ${output} is not available`);
  }
  const sortBy = flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
  let list: ResourceInfo[] = inv.ctx.api.discovery().filter((r) => r.verbs.length > 0);
  if (flags.changed('api-group')) list = list.filter((r) => r.group === flags.string('api-group'));
  if (flags.changed('namespaced')) list = list.filter((r) => r.namespaced === flags.bool('namespaced'));
  const verbs = flags.list('verbs');
  if (verbs.length) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const categories = flags.list('categories');
  if (categories.length) list = list.filter((r) => categories.every((c) => r.categories.includes(c)));
  const key = (r: ResourceInfo) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  // sort.Stable by the key, ties by name.
  list = list.map((r, i) => ({ r, i })).sort((a, b) => cmp(key(a.r), key(b.r)) || cmp(a.r.resource, b.r.resource) || a.i - b.i).map((x) => x.r);
  const w = new TabWriter(GET_TABLE);
  if (!flags.bool('no-headers') && output !== 'name') {
    w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`);
  }
  for (const r of list) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version;
    if (output === 'name') w.write(`${r.group ? `${r.resource}.${r.group}` : r.resource}\n`);
    else if (output === 'wide') w.write(`${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}\t${r.verbs.join(',')}\t${r.categories.join(',')}\n`);
    else w.write(`${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}\n`);
  }
  io.stdout(w.flush());
  return 0;
}

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
  ],
  run: runResources,
};

function runVersions(inv: Invocation): number {
  const { flags, io } = inv;
  if (flags.args.length > 0) throw new KubectlError(`unexpected arguments: [${flags.args.join(' ')}]`, "See 'kubectl api-versions -h' for help and examples");
  const gvs = new Set<string>();
  for (const r of inv.ctx.api.discovery()) gvs.add(r.group ? `${r.group}/${r.version}` : r.version);
  for (const gv of [...gvs].sort()) io.stdout(`${gv}\n`);
  return 0;
}

export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions [flags] [options]',
  flags: [],
  run: runVersions,
};
