/**
 * kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
 *
 * Default and `-o wide`: the server's Tables, one table per resource type (one header, one set
 * of column widths), a blank line between types, `kind/` name prefixes when several types are
 * printed, "No resources found" on stderr, errors for missing names after the rows (Run).
 * Other formats (json, yaml, name, jsonpath, custom-columns, go-template): one object when exactly one was
 * named, else a `kind: List` of everything found (printGeneric). `--sort-by` sorts each table's
 * rows or the list's items (SortingPrinter). `-w` prints the table, then one row per change
 * until the command is interrupted (watch).
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { tableFor, type Table } from '../../cluster/api/printers/table.ts';
import { resourceKey, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { WatchEvent } from '../../cluster/api/apiserver.ts';
import { parseSelector } from '../../cluster/api/labels.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError, NestedAggregateError } from '../errors.ts';
import { kindPrefix } from '../mapper.ts';
import { columnsFromSpec, columnsFromTemplate, customColumnsLines, type CustomColumn } from '../printers/custom-columns.ts';
import { goJSON, goQuote, goSprint, goSprintSharpV } from '../printers/gofmt.ts';
import { GoTemplate, GoTemplateParseError } from '../printers/gotemplate/index.ts';
import { toGoJSON } from '../printers/json.ts';
import { JsonPath, JsonPathExecError, JsonPathParseError } from '../printers/jsonpath.ts';
import { sortOrder, UnsortableError } from '../printers/sort.ts';
import { TablePrinter } from '../printers/table.ts';
import { toYAML, YamlError } from '../printers/yaml.ts';
import { parseResourceArgs, type ResourceRequest } from '../resource-args.ts';
import { GET_TABLE, TabWriter } from '../tabwriter.ts';
import { readManifestSources } from '../manifests.ts';
import { buildObjects } from './apply.ts';

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

type Printer =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; path: JsonPath; asJSON: boolean; allowMissingKeys: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] }
  | { kind: 'go-template'; template: GoTemplate; allowMissingKeys: boolean };

/** The output format: which printer, or the error kubectl gives for it (PrintFlags.ToPrinter). */
function choosePrinter(inv: Invocation): Printer {
  const { flags, ctx } = inv;
  const output = flags.string('output');
  // A --template without -o means -o go-template (PrintFlags.ToPrinter).
  if (output === '' && flags.string('template') !== '') return goTemplatePrinter(inv, 'go-template', '');
  if (output === '' || output === 'wide') return { kind: 'table', wide: output === 'wide' };
  if (output === 'json') return { kind: 'json' };
  if (output === 'yaml') return { kind: 'yaml' };
  if (output === 'name') return { kind: 'name' };
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  let value = eq < 0 ? '' : output.slice(eq + 1);
  switch (format) {
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      if (eq < 0) value = flags.string('template');
      if (value === '') throw new KubectlError('template format specified but no template given');
      if (format === 'jsonpath-file') {
        const text = ctx.fs.read(value);
        if (text === undefined) throw new KubectlError(`error reading --template ${value}, open ${value}: no such file or directory\n`);
        value = text;
      }
      let path: JsonPath;
      try {
        path = JsonPath.parse(value);
      } catch (e) {
        if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${value}, ${e.message}\n`);
        throw e;
      }
      return { kind: 'jsonpath', path, asJSON: format === 'jsonpath-as-json', allowMissingKeys: flags.bool('allow-missing-template-keys') };
    }
    case 'custom-columns':
      return { kind: 'custom-columns', columns: columnsFromSpec(value) };
    case 'custom-columns-file': {
      const text = ctx.fs.read(value);
      if (text === undefined) throw new KubectlError(`error reading template ${value}, open ${value}: no such file or directory\n`);
      return { kind: 'custom-columns', columns: columnsFromTemplate(text) };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      return goTemplatePrinter(inv, format, eq < 0 ? '' : value);
    default:
      throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`);
  }
}

/**
 * GoTemplatePrintFlags.ToPrinter: the template from `-o FORMAT=TEMPLATE` or --template (which wins),
 * read from a file for go-template-file and templatefile, parsed once.
 */
function goTemplatePrinter(inv: Invocation, format: string, inline: string): Printer {
  const { flags, ctx } = inv;
  let value = flags.string('template') !== '' ? flags.string('template') : inline;
  if (value === '') throw new KubectlError('template format specified but no template given');
  if (format === 'go-template-file' || format === 'templatefile') {
    const text = ctx.fs.read(value);
    if (text === undefined) throw new KubectlError(`error reading --template ${value}, open ${value}: no such file or directory`);
    value = text;
  }
  try {
    return { kind: 'go-template', template: GoTemplate.parse(value), allowMissingKeys: flags.bool('allow-missing-template-keys') };
  } catch (e) {
    if (e instanceof GoTemplateParseError) throw new KubectlError(`error parsing template ${value}, ${e.message}`);
    throw e;
  }
}

/** managedFields are left out of json and yaml (OmitManagedFieldsPrinter). */
function withoutManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _m, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** EnhanceListError: a list's BadRequest names the resource and the selectors. */
function enhanceListError(e: unknown, info: ResourceInfo, labelSelector: string, fieldSelector: string): unknown {
  if (!(e instanceof ApiError) || (e.status.reason !== 'BadRequest' && e.status.reason !== 'NotFound')) return e;
  const gvr = `${info.group}/${info.version}, Resource=${info.resource}`;
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list "${gvr}": ${e.status.message}`
      : `Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${e.status.message}`;
  const out = new ApiError({ ...e.status, message });
  out.warnings = e.warnings;
  return out;
}

function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status.reason === 'NotFound';
}

/**
 * What the builder visits: resource arguments, or one object named in a -f file (looked up on
 * the server in its own namespace, RetrieveLatest), or an error the builder met reading files.
 */
type GetRequest = ResourceRequest & { fileNamespace?: string };
type Visited = GetRequest | Error;

/** One thing the builder visited: a Table (list or one named object) or plain objects. */
interface Info {
  req: GetRequest;
  table?: Table;
  objects: KubeObject[];
}

interface Fetched {
  infos: Info[];
  errors: unknown[];
}

function fetch(inv: Invocation, requests: readonly Visited[], asTable: boolean): Fetched {
  const { ctx, flags } = inv;
  const api = ctx.api;
  const allNamespaces = flags.bool('all-namespaces');
  const labelSelector = flags.string('selector');
  const fieldSelector = flags.string('field-selector');
  const infos: Info[] = [];
  const errors: unknown[] = [];
  for (const req of requests) {
    if (req instanceof Error) {
      errors.push(req);
      continue;
    }
    const key = resourceKey(req.info);
    const ns = !req.info.namespaced ? undefined : req.fileNamespace !== undefined ? req.fileNamespace : allNamespaces && req.names.length === 0 ? undefined : inv.namespace;
    if (req.names.length > 0) {
      for (const name of req.names) {
        try {
          if (asTable) {
            const res = api.getTable(key, ns, name);
            inv.warn(res.warnings);
            infos.push({ req, table: res.object, objects: res.object.rows.map((r) => r.object) });
          } else {
            const res = api.get(key, ns, name);
            inv.warn(res.warnings);
            infos.push({ req, objects: [res.object] });
          }
        } catch (e) {
          if (e instanceof ApiError) inv.warn(e.warnings);
          errors.push(e);
        }
      }
      continue;
    }
    try {
      if (asTable) {
        const res = api.listTable(key, ns, { labelSelector, fieldSelector });
        inv.warn(res.warnings);
        infos.push({ req, table: res.object, objects: res.object.rows.map((r) => r.object) });
      } else {
        const res = api.list(key, ns, { labelSelector, fieldSelector });
        inv.warn(res.warnings);
        infos.push({ req, objects: res.object.items });
      }
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(enhanceListError(e, req.info, labelSelector, fieldSelector));
    }
  }
  return { infos, errors: flags.bool('ignore-not-found') ? errors.filter((e) => !isNotFound(e)) : errors };
}

function throwErrors(errors: unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
}

/** The command already reported its failure (klog.Exitf): exit 1 without another message. */
class ExitError extends Error {}

/** klog.Exitf's line for a sort field whose values do not compare. */
function unsortable(inv: Invocation, field: string, where: string, e: UnsortableError): ExitError {
  const d = new Date(inv.ctx.now());
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  let spec = field;
  if (!/^\{.*\}$/.test(spec)) spec = `{.${spec.replace(/^\./, '')}}`;
  inv.io.stderr(`F${stamp}       1 sorter.go:329] Field ${spec} in ${where} is an unsortable type: interface, err: ${e.message}\n`);
  return new ExitError();
}

// ---------------------------------------------------------------------------------------------
// Human-readable output (Run)

function printTables(inv: Invocation, requests: readonly Visited[], printer: Extract<Printer, { kind: 'table' }>): number {
  const { io, flags } = inv;
  const { infos, errors } = fetch(inv, requests, true);
  const fromFiles = flags.list('filename').length > 0;
  const allNamespaces = flags.bool('all-namespaces');
  const noHeaders = flags.bool('no-headers');
  const sortBy = flags.string('sort-by');
  const kinds = new Set(infos.map((i) => resourceKey(i.req.info)));
  const withKind = kinds.size > 1 || flags.bool('show-kind');

  let written = false;
  let writer: TabWriter | undefined;
  let tablePrinter: TablePrinter | undefined;
  let lastKey: string | undefined;
  let pendingSeparator = false;
  const emit = (text: string) => {
    if (text === '') return;
    if (pendingSeparator) {
      io.stdout('\n');
      pendingSeparator = false;
    }
    io.stdout(text);
    written = true;
  };
  let allNamespaced = !allNamespaces;
  for (const info of infos) {
    const key = resourceKey(info.req.info);
    allNamespaced = allNamespaced && info.req.info.namespaced;
    if (key !== lastKey) {
      // A new printer per resource type: flush, forget the column widths, separate with a blank line.
      if (writer) emit(writer.flush());
      if (lastKey !== undefined && !noHeaders && written) pendingSeparator = true;
      writer = new TabWriter(GET_TABLE);
      tablePrinter = new TablePrinter({
        wide: printer.wide,
        noHeaders,
        withNamespace: allNamespaces && info.req.info.namespaced,
        showLabels: flags.bool('show-labels'),
        labelColumns: flags.list('label-columns'),
        kindPrefix: withKind ? kindPrefix(info.req.info) : undefined,
      });
      lastKey = key;
    }
    let table = info.table!;
    if (sortBy !== '' && table.rows.length > 1) {
      let order: number[];
      try {
        order = sortOrder(table.rows.map((r) => r.object), sortBy);
      } catch (e) {
        if (e instanceof UnsortableError) throw unsortable(inv, sortBy, '[][][]reflect.Value', e);
        // SortingPrinter's error is dropped by Run: the table is just not printed.
        continue;
      }
      table = { ...table, rows: order.map((i) => table.rows[i]) };
    }
    writer!.write(tablePrinter!.lines(table));
  }
  if (writer) emit(writer.flush());
  if (!written && errors.length === 0 && !flags.bool('ignore-not-found')) {
    io.stderr(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
  // From files, the builder's aggregate sits inside Run's own: printed bare, even alone.
  if (fromFiles && errors.length > 0) throw new NestedAggregateError(errors);
  throwErrors(errors);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Other formats (printGeneric)

function nameOf(o: KubeObject): string {
  const [group] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [''];
  const kind = o.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${o.metadata.name}`;
}

/** What one printer writes for one object (a List or a single object). */
function render(inv: Invocation, printer: Exclude<Printer, { kind: 'table' }>, obj: KubeObject, yamlCount: { n: number }): string {
  const isList = obj.kind === 'List' && Array.isArray(obj.items);
  switch (printer.kind) {
    case 'json':
    case 'yaml': {
      const shown = inv.flags.bool('show-managed-fields')
        ? obj
        : isList
          ? { ...obj, items: (obj.items as KubeObject[]).map(withoutManagedFields) }
          : withoutManagedFields(obj);
      if (printer.kind === 'json') return toGoJSON(shown);
      try {
        return (yamlCount.n++ > 0 ? '---\n' : '') + toYAML(shown);
      } catch (e) {
        if (e instanceof YamlError) throw new KubectlError(e.message);
        throw e;
      }
    }
    case 'name':
      return (isList ? (obj.items as KubeObject[]) : [obj]).map((o) => nameOf(o) + '\n').join('');
    case 'jsonpath':
      try {
        return printer.path.execute(obj, { allowMissingKeys: printer.allowMissingKeys, outputJSON: printer.asJSON });
      } catch (e) {
        if (!(e instanceof JsonPathExecError)) throw e;
        const tmpl = printer.path.template;
        const detail =
          `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${tmpl}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSprintSharpV(obj)}\n\n`;
        throw new KubectlError(`error executing jsonpath ${goQuote(tmpl)}: ${detail}\n`);
      }
    case 'go-template': {
      // The object as json.Marshal and Unmarshal give it to the template (managedFields kept).
      const { output, error } = printer.template.execute(obj, { allowMissingKeys: printer.allowMissingKeys });
      if (!error) return output;
      // GoTemplatePrinter.PrintObj: the partial output and a debugging report on stdout, then the error.
      const tmpl = printer.template.text;
      inv.io.stdout(
        output +
          `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${tmpl}\n` +
          `\traw data was:\n\t\t${goJSON(obj)}\n` +
          `\tobject given to template engine was:\n\t\t${goSprint(obj)}\n\n`,
      );
      throw new KubectlError(`error executing template ${goQuote(tmpl)}: ${error.message}`);
    }
    case 'custom-columns':
      return new TabWriter(GET_TABLE).write(customColumnsLines(printer.columns, isList ? (obj.items as KubeObject[]) : [obj], inv.flags.bool('no-headers'))).flush();
  }
}

function printGeneric(inv: Invocation, requests: readonly Visited[], singleItemImplied: boolean): number {
  const { infos, errors } = fetch(inv, requests, false);
  if (singleItemImplied && errors.length > 0) throwErrors(errors);
  const printer = choosePrinter(inv) as Exclude<Printer, { kind: 'table' }>;
  const objects = infos.flatMap((i) => i.objects);
  if (objects.length === 0 && inv.flags.bool('ignore-not-found')) {
    throwErrors(errors);
    return 0;
  }
  let obj: KubeObject;
  if (singleItemImplied && objects.length === 1) {
    obj = objects[0];
  } else {
    let items = objects;
    const sortBy = inv.flags.string('sort-by');
    if (sortBy !== '' && items.length > 0) {
      try {
        const order = sortOrder(items, sortBy);
        items = order.map((i) => items[i]);
      } catch (e) {
        if (e instanceof UnsortableError) throw unsortable(inv, sortBy, '*unstructured.Unstructured', e);
        throw e;
      }
    }
    obj = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as KubeObject;
  }
  try {
    inv.io.stdout(render(inv, printer, obj, { n: 0 }));
  } catch (e) {
    errors.push(e);
  }
  throwErrors(errors);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Watch

async function watch(inv: Invocation, requests: readonly Visited[], printer: Printer): Promise<number> {
  const { io, flags, ctx } = inv;
  if (requests.length !== 1) throw new KubectlError('you may only specify a single resource type');
  const req = requests[0];
  if (req instanceof Error) throw req;
  const info = req.info;
  if (req.names.length > 1) {
    throw new KubectlError(`watch is only supported on individual resources and resource collections, but ${req.names.length} resources were found`);
  }
  const key = resourceKey(info);
  const allNamespaces = flags.bool('all-namespaces');
  const ns = info.namespaced ? (allNamespaces && req.names.length === 0 ? undefined : inv.namespace) : undefined;
  const labelSelector = flags.string('selector');
  const selector = labelSelector ? parseSelector(labelSelector) : undefined;
  const watchOnly = flags.bool('watch-only');
  const outputEvents = flags.bool('output-watch-events');

  // The initial state: the list (or the named object), as the first printout.
  const { infos, errors } = fetch(inv, requests, printer.kind === 'table');
  throwErrors(errors);
  const initial = infos[0]?.objects ?? [];

  const writer = new TabWriter(GET_TABLE);
  const tablePrinter =
    printer.kind === 'table'
      ? new TablePrinter({
          wide: printer.wide,
          noHeaders: flags.bool('no-headers'),
          withNamespace: allNamespaces && info.namespaced,
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.list('label-columns'),
          kindPrefix: flags.bool('show-kind') ? kindPrefix(info) : undefined,
        })
      : undefined;
  const yamlCount = { n: 0 };
  const print = (objects: KubeObject[], type: string) => {
    if (objects.length === 0) return;
    if (tablePrinter) {
      const table = tableFor(info, objects, ctx.api.clock.now(), ctx.api.currentRevision());
      writer.write(tablePrinter.lines(table, outputEvents ? objects.map(() => type) : undefined));
      io.stdout(writer.flush());
      return;
    }
    for (const o of objects) {
      const shown: KubeObject = outputEvents ? ({ type, object: o } as unknown as KubeObject) : o;
      io.stdout(render(inv, printer as Exclude<Printer, { kind: 'table' }>, shown, yamlCount));
    }
  };
  if (!watchOnly) print(initial, 'ADDED');

  const matches = (o: KubeObject | undefined): boolean =>
    !!o && (req.names.length === 0 || o.metadata.name === req.names[0]) && (!selector || selector.matches(o.metadata.labels));
  const stop = ctx.api.watch(key, ns, (event: WatchEvent) => {
    const now = matches(event.object);
    const before = matches(event.old);
    if (event.type === 'MODIFIED' && !now && before) print([event.object], 'DELETED');
    else if (event.type === 'MODIFIED' && now && !before) print([event.object], 'ADDED');
    else if (now) print([event.object], event.type);
  });
  try {
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    stop();
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------

/**
 * `get -f`: the objects the files name, each fetched from the server in its own namespace; the
 * builder's errors (parse, mapping, namespace) in order among them. One file (not a folder, not
 * stdin) implies a single item, so `-o yaml` prints the object itself rather than a List.
 */
function fileRequests(inv: Invocation, files: string[]): { requests: Visited[]; singleItemImplied: boolean } {
  const { ctx, io } = inv;
  // get decodes without a schema: no client-side validation of apiVersion and kind.
  const read = readManifestSources(ctx.fs, files, io.stdin, { validate: false, recursive: inv.flags.bool('recursive') });
  const requests: Visited[] = buildObjects(inv, read.items).map((b) =>
    b instanceof Error ? b : { info: b.info, names: [b.name], fileNamespace: b.info.namespaced ? b.namespace : undefined },
  );
  return { requests, singleItemImplied: files.length === 1 && files[0] !== '-' && !ctx.fs.isDir(files[0]) };
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const files = flags.list('filename');
  if (files.length > 0 && flags.args.length > 0) {
    throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  if (flags.args.length === 0 && files.length === 0) {
    io.stderr(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw new KubectlError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      "See 'kubectl get -h' for help and examples",
    );
  }
  if (flags.bool('output-watch-events') && !flags.bool('watch') && !flags.bool('watch-only')) {
    throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only');
  }
  const fromFiles = files.length > 0 ? fileRequests(inv, files) : undefined;
  const requests: Visited[] = fromFiles ? fromFiles.requests : parseResourceArgs(ctx.api, flags.args);
  const named = fromFiles ? 0 : requests.reduce((n, r) => n + (r instanceof Error ? 0 : r.names.length), 0);
  if (named > 0 && flags.string('selector') !== '') {
    throw new KubectlError('name cannot be provided when a selector is specified');
  }
  if (named > 0 && flags.bool('all-namespaces')) {
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  }
  const output = flags.string('output');
  // A --template without -o prints with a Go template (PrintFlags.ToPrinter), not a table.
  const table = (output === '' && flags.string('template') === '') || output === 'wide';
  try {
    if (flags.bool('watch') || flags.bool('watch-only')) return await watch(inv, requests, choosePrinter(inv));
    if (table) return printTables(inv, requests, { kind: 'table', wide: output === 'wide' });
    return printGeneric(inv, requests, fromFiles ? fromFiles.singleItemImplied : named === 1 && requests.length === 1);
  } catch (e) {
    if (e instanceof ExitError) return 1;
    throw e;
  }
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', usage: 'Selector (field query) to filter on.' },
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column.' },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice', usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'sort-by', type: 'string', usage: 'If non-empty, sort list types using this field specification.' },
    { name: 'watch', shorthand: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', usage: 'Output watch event objects when --watch or --watch-only is used.' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'If set to true, suppresses NotFound error for specific objects that do not exist.' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'recursive', shorthand: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
  ],
  run,
};
