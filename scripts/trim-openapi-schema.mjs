#!/usr/bin/env node
/**
 * Trims the Kubernetes OpenAPI v3 documents to the kinds KubeLab's API server serves and writes
 * two data files under src/cluster/api/schema/:
 *   types-<ver>.json         field names and types (what strict decoding and the patchers need)
 *   descriptions-<ver>.json  the field descriptions (loaded lazily by `kubectl explain`, hover docs)
 *
 * Not run at build time. Input: a folder holding the v3 documents of one Kubernetes release,
 * named as in kubernetes/kubernetes api/openapi-spec/v3 (api__v1_openapi.json, ...) or as in
 * kubernetes-sigs/kubectl-validate pkg/openapiclient/builtins/<ver> flattened with `_`
 * (api_v1.json, apis_apps_v1.json, ...).
 *
 *   node scripts/trim-openapi-schema.mjs /tmp/openapi-1.33 v1.33
 *
 * Type expressions in types-<ver>.json:
 *   string | boolean | int32 | int64 | integer | number | byte | int-or-string | quantity | time
 *   | microtime | any | object           primitives and free-form values
 *   []T                                  a list of T
 *   map[string]T                         a map of T
 *   core.v1.ServiceSpec                  another type (io.k8s.api. / io.k8s.apimachinery.pkg.apis. cut)
 * A field is either its type expression, or [type, patchStrategy, patchMergeKey, listType, listMapKeys]
 * when it carries strategic-merge or list-type metadata.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, version] = process.argv.slice(2);
if (!dir || !version) {
  console.error('usage: trim-openapi-schema.mjs <folder of OpenAPI v3 documents> <version, e.g. v1.33>');
  process.exit(2);
}

/** The kinds the API server serves: apiVersion/kind. */
const KINDS = [
  'v1/Namespace', 'v1/Node', 'v1/Pod', 'v1/Service', 'v1/Endpoints', 'v1/ReplicationController',
  'v1/ConfigMap', 'v1/Event', 'v1/Secret', 'v1/ServiceAccount',
  'apps/v1/ReplicaSet', 'apps/v1/Deployment', 'apps/v1/DaemonSet',
  'discovery.k8s.io/v1/EndpointSlice', 'coordination.k8s.io/v1/Lease', 'events.k8s.io/v1/Event',
];

const schemas = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  Object.assign(schemas, doc.components?.schemas ?? {});
}

const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'microtime',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'object',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'object',
};

function shortName(full) {
  return full.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '');
}

const wanted = new Map(); // full name -> short name
const queue = [];
function refType(ref) {
  const full = ref.replace('#/components/schemas/', '');
  if (SPECIAL[full]) return SPECIAL[full];
  if (!wanted.has(full)) {
    wanted.set(full, shortName(full));
    queue.push(full);
  }
  return shortName(full);
}

function typeOf(p) {
  if (p.$ref) return refType(p.$ref);
  if (p.allOf && p.allOf.length === 1 && p.allOf[0].$ref) return refType(p.allOf[0].$ref);
  switch (p.type) {
    case 'string':
      return p.format === 'byte' ? 'byte' : 'string';
    case 'boolean':
      return 'boolean';
    case 'integer':
      return p.format === 'int32' ? 'int32' : p.format === 'int64' ? 'int64' : 'integer';
    case 'number':
      return 'number';
    case 'array':
      return `[]${typeOf(p.items ?? {})}`;
    case 'object':
      return p.additionalProperties ? `map[string]${typeOf(p.additionalProperties)}` : 'object';
    default:
      return 'any';
  }
}

const kinds = {};
for (const [full, s] of Object.entries(schemas)) {
  for (const gvk of s['x-kubernetes-group-version-kind'] ?? []) {
    const key = `${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`;
    if (KINDS.includes(key) && !full.endsWith('List')) {
      kinds[key] = shortName(full);
      if (!wanted.has(full)) {
        wanted.set(full, shortName(full));
        queue.push(full);
      }
    }
  }
}
for (const k of KINDS) if (!kinds[k]) throw new Error(`kind ${k} not found in ${dir}`);

const types = {};
const descriptions = {};
while (queue.length > 0) {
  const full = queue.shift();
  const s = schemas[full];
  if (!s) throw new Error(`missing schema ${full}`);
  const name = wanted.get(full);
  const fields = {};
  const docs = {};
  if (s.description) docs[''] = s.description;
  for (const field of Object.keys(s.properties ?? {}).sort()) {
    const p = s.properties[field];
    const t = typeOf(p);
    const strategy = p['x-kubernetes-patch-strategy'];
    const mergeKey = p['x-kubernetes-patch-merge-key'];
    const listType = p['x-kubernetes-list-type'];
    const mapKeys = p['x-kubernetes-list-map-keys'];
    fields[field] = strategy || mergeKey || listType || mapKeys ? [t, strategy ?? '', mergeKey ?? '', listType ?? '', mapKeys ?? []] : t;
    if (p.description) docs[field] = p.description;
  }
  const entry = { f: fields };
  if (s.required?.length) entry.r = [...s.required].sort();
  if (s['x-kubernetes-map-type']) entry.m = s['x-kubernetes-map-type'];
  types[name] = entry;
  descriptions[name] = docs;
}

const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const out = join(import.meta.dirname, '..', 'src', 'cluster', 'api', 'schema');
writeFileSync(join(out, `types-${version}.json`), JSON.stringify({ kubernetesVersion: version, kinds: sortKeys(kinds), types: sortKeys(types) }) + '\n');
writeFileSync(join(out, `descriptions-${version}.json`), JSON.stringify({ kubernetesVersion: version, types: sortKeys(descriptions) }) + '\n');
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types written to ${out}`);
