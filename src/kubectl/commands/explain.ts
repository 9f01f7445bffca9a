/**
 * kubectl explain (pkg/cmd/explain/explain.go, pkg/explain/v2): the documentation of a resource or
 * of one of its fields, rendered from the server's OpenAPI v3 document of the resource's
 * group-version with the `plaintext` template (../explain/plaintext.ts).
 *
 * The document and its descriptions are large, so both are loaded on first use (dynamic import):
 * the page does not pay for them at start-up.
 */
import type { ResourceInfo } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { findResource } from '../mapper.ts';

const API_RESOURCES_HINT = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** `kind`, `kind.group`: what kubectl's GroupResource.String() gives. */
function groupResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/**
 * Every resource a typed name (`svc`, `services`, `service`, `Service`) stands for, highest
 * priority first (the core group first), as RESTMapper.ResourcesFor lists them.
 */
function resourcesFor(resources: readonly ResourceInfo[], name: string): ResourceInfo[] {
  const lower = name.toLowerCase();
  const matches = resources.filter(
    (r) => !r.resource.includes('/') && (r.resource === lower || r.singular === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower),
  );
  return [...matches.filter((r) => r.group === ''), ...matches.filter((r) => r.group !== '')];
}

/** pkg/explain: SplitAndParseResourceRequestWithMatchingPrefix (no --api-version) or SplitAndParseResourceRequest. */
function parseTarget(resources: readonly ResourceInfo[], arg: string, withApiVersion: boolean): { r: ResourceInfo; fields: string[] } | undefined {
  const input = arg.endsWith('.') ? arg.slice(0, -1) : arg;
  const parts = input.split('.');
  if (withApiVersion) {
    const r = findResource(resources, parts[0]);
    return r && !r.resource.includes('/') ? { r, fields: parts.slice(1) } : undefined;
  }
  const candidates = resourcesFor(resources, parts[0]);
  for (const r of candidates) {
    const gr = groupResource(r);
    if (input.startsWith(gr)) {
      const suffix = input.slice(gr.length);
      return { r, fields: suffix.length > 0 ? suffix.split('.').slice(1) : [] };
    }
  }
  return candidates.length > 0 ? { r: candidates[0], fields: parts.slice(1) } : undefined;
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(s: string): { group: string; version: string } {
  if (s === '' || s === '/') return { group: '', version: '' };
  const parts = s.split('/');
  if (parts.length === 1) return { group: '', version: s };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`unexpected GroupVersion string: ${s}`);
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  if (flags.args.length === 0) throw new KubectlError(`You must specify the type of resource to explain. ${API_RESOURCES_HINT}`);
  if (flags.args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE');
  const apiVersion = flags.string('api-version');
  const resources = ctx.api.discovery();
  const target = parseTarget(resources, flags.args[0], apiVersion !== '');
  if (!target) {
    // The RESTMapper's NoResourceMatchError reaches the terminal without checkErr's `error: `.
    const typed = (flags.args[0].endsWith('.') ? flags.args[0].slice(0, -1) : flags.args[0]).split('.')[0];
    io.stderr(`the server doesn't have a resource type "${typed}"\n`);
    return 1;
  }
  const output = flags.string('output');
  if (output === 'plaintext-openapiv2') {
    throw new KubectlError('--output=plaintext-openapiv2 is not available in KubeLab (it serves OpenAPI v3 only); use --output=plaintext');
  }
  let group = target.r.group;
  let version = target.r.version;
  if (apiVersion !== '') ({ group, version } = parseGroupVersion(apiVersion));
  const gvr = `${group}/${version}, Resource=${target.r.resource}`;
  const gvPath = group ? `apis/${group}/${version}` : `api/${version}`;
  const [{ openapiV3Document }, { renderPlaintext, ExplainError }] = await Promise.all([
    import('../../cluster/api/openapi.ts'),
    import('../explain/plaintext.ts'),
  ]);
  const doc = await openapiV3Document(resources, gvPath);
  if (!doc) throw new KubectlError(`couldn't find resource for "${gvr}"`);
  if (output !== 'plaintext') throw new KubectlError(`unrecognized format: ${output}`);
  try {
    io.stdout(renderPlaintext(doc, { group, version, resource: target.r.resource }, target.fields, flags.bool('recursive')));
  } catch (e) {
    if (!(e instanceof ExplainError)) throw e;
    // The template has written the KIND/VERSION header before it fails on a field.
    if (e.partial) io.stdout(e.partial);
    throw new KubectlError(e.message);
  }
  return 0;
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', usage: 'Get different explanations for particular API version (API group/version)' },
    { name: 'output', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
    { name: 'recursive', type: 'bool', usage: 'Print the fields of fields (Currently only 1 level deep)' },
  ],
  run,
};
