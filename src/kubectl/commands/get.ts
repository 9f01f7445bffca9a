/**
 * kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables from the server's Table,
 * one table per kind separated by a blank line, `kind/` prefixes when several kinds are printed,
 * "No resources found" on stderr, -o json|name.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import type { Table } from '../../cluster/api/printers/table.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { kindPrefix } from '../mapper.ts';
import { toGoJSON } from '../printers/json.ts';
import { tableLines } from '../printers/table.ts';
import { parseResourceArgs, type ResourceRequest } from '../resource-args.ts';
import { GET_TABLE, TabWriter } from '../tabwriter.ts';

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const api = ctx.api;
  if (flags.args.length === 0) {
    io.stderr(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw new KubectlError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      "See 'kubectl get -h' for help and examples",
    );
  }
  const output = flags.string('output');
  const allNamespaces = flags.bool('all-namespaces');
  const requests = parseResourceArgs(api, flags.args);
  const labelSelector = flags.string('selector');
  const fieldSelector = flags.string('field-selector');
  const several = requests.length > 1 || flags.args.some((a) => a.includes('/'));
  const nsFor = (r: ResourceRequest) => (r.info.namespaced ? (allNamespaces ? undefined : inv.namespace) : undefined);

  if (output !== '' && output !== 'wide' && output !== 'json' && output !== 'name') {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }

  const errors: unknown[] = [];
  let printedAny = false;
  const objects: KubeObject[] = [];
  let singleNamed = false;

  const asTable = output === '' || output === 'wide';
  for (const req of requests) {
    const key = req.info.group ? `${req.info.resource}.${req.info.group}` : req.info.resource;
    const ns = nsFor(req);
    let rows: Table | undefined;
    const found: KubeObject[] = [];
    try {
      if (req.names.length > 0) {
        singleNamed = requests.length === 1 && req.names.length === 1;
        for (const name of req.names) {
          try {
            if (asTable) {
              const res = api.getTable(key, req.info.namespaced ? inv.namespace : undefined, name);
              inv.warn(res.warnings);
              if (rows) rows.rows.push(...res.object.rows);
              else rows = res.object;
              found.push(...res.object.rows.map((r) => r.object));
            } else {
              const res = api.get(key, req.info.namespaced ? inv.namespace : undefined, name);
              inv.warn(res.warnings);
              found.push(res.object);
            }
          } catch (e) {
            if (e instanceof ApiError) inv.warn(e.warnings);
            errors.push(e);
          }
        }
      } else if (asTable) {
        const res = api.listTable(key, ns, { labelSelector, fieldSelector });
        inv.warn(res.warnings);
        rows = res.object;
        found.push(...res.object.rows.map((r) => r.object));
      } else {
        const res = api.list(key, ns, { labelSelector, fieldSelector });
        inv.warn(res.warnings);
        found.push(...res.object.items);
      }
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      throw e;
    }
    objects.push(...found);
    if (output === 'name') for (const o of found) io.stdout(`${kindPrefix(req.info)}/${o.metadata.name}\n`);
    if (!asTable || !rows || rows.rows.length === 0) continue;
    if (printedAny && !flags.bool('no-headers')) io.stdout('\n');
    const text = tableLines(rows, {
      wide: output === 'wide',
      noHeaders: flags.bool('no-headers'),
      withNamespace: allNamespaces && req.info.namespaced,
      showLabels: flags.bool('show-labels'),
      labelColumns: flags.list('label-columns'),
      kindPrefix: several ? kindPrefix(req.info) : undefined,
    });
    // A new writer per kind: widths are not shared between tables.
    io.stdout(new TabWriter(GET_TABLE).write(text).flush());
    printedAny = true;
  }

  if (output === 'json' && (objects.length > 0 || errors.length === 0)) {
    if (singleNamed && objects.length === 1) io.stdout(toGoJSON(objects[0]));
    else io.stdout(toGoJSON({ apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }));
  }

  if (objects.length === 0 && errors.length === 0 && output !== 'json' && output !== 'name') {
    const namespaced = requests.some((r) => r.info.namespaced);
    io.stderr(allNamespaces || !namespaced ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (errors.length > 0) {
    for (const e of errors) throw e;
  }
  return 0;
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', usage: 'Selector (field query) to filter on.' },
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column.' },
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice', usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers.' },
    { name: 'watch', shorthand: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
  ],
  run,
};
