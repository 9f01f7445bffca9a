#!/usr/bin/env node
/**
 * Writes src/cluster/api/schema/enums-<ver>.json: the `enum` values and the "Possible enum values:"
 * description paragraphs a real kube-apiserver serves in its OpenAPI for the fields of the types in
 * types-<ver>.json.
 *
 * Why a separate generator: the OpenAPI documents committed under kubernetes/kubernetes
 * api/openapi-spec/ (and the kubectl-validate copies that types-<ver>.json was trimmed from) are
 * captured by hack/update-openapi-spec.sh with `--feature-gates=...,OpenAPIEnums=false`, so they
 * carry neither `enum` arrays nor the enum paragraphs. A running v1.33 API server has the gate on
 * (beta, default true since 1.24) and serves both. They come from the Go source: kube-openapi's
 * generator (pkg/generators/enum.go, openapi.go) turns every string type tagged `+enum` and the
 * typed constants of that type into
 *   - `enum`: the values, sorted as Go-quoted strings, on the field (or on `items` for a list of them);
 *   - the field description followed by "\n\nPossible enum values:\n" and one line per value,
 *     " - `\"Value\"` <the constant's doc comment without the constant's name>", lines sorted.
 * This script does the same reading of the Go source (not a Go parser: the API packages are
 * gofmt'ed, regular code, and the script fails loudly on what it does not understand).
 *
 * Input: a folder holding k8s.io/api at the release's tag (core/v1, apps/v1, discovery/v1,
 * coordination/v1, events/v1), e.g. from a clone of github.com/kubernetes/api:
 *
 *   git -C api archive v0.33.1 core/v1 apps/v1 discovery/v1 coordination/v1 events/v1 | tar -x -C /tmp/k8s-api
 *   node scripts/extract-openapi-enums.mjs /tmp/k8s-api v1.33 'k8s.io/api v0.33.1'
 *
 * (k8s.io/apimachinery's meta/v1 has no `+enum` types at v0.33.1.)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, version, sourceName] = process.argv.slice(2);
if (!dir || !version || !sourceName) {
  console.error('usage: extract-openapi-enums.mjs <k8s.io/api source folder> <version, e.g. v1.33> <source name, e.g. "k8s.io/api v0.33.1">');
  process.exit(2);
}

const PACKAGES = ['core/v1', 'apps/v1', 'discovery/v1', 'coordination/v1', 'events/v1'];
const schemaDir = join(import.meta.dirname, '..', 'src', 'cluster', 'api', 'schema');
const trimmed = JSON.parse(readFileSync(join(schemaDir, `types-${version}.json`), 'utf8')).types;

/** `core/v1` → `core.v1`, the prefix of trimmed type names. */
const packageKey = (pkg) => pkg.replace(/\//g, '.');

/** go/ast CommentGroup.Text() of `//` lines: markers and one following space cut, outer blank lines dropped. */
function commentText(lines) {
  const out = lines.map((l) => l.replace(/^\s*\/\/ ?/, '').replace(/\s+$/, ''));
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

const enumTypes = new Map(); // 'core.v1.ServiceType' -> { values: Map(value -> description line) }
const aliases = new Map(); // 'core.v1.ServiceInternalTrafficPolicyType' -> 'core.v1.ServiceInternalTrafficPolicy'
const constants = []; // { type, name, value, comment }
const structs = []; // { name: 'core.v1.ServiceSpec', fields: [{ json, goType, pkg, imports }] }

for (const pkg of PACKAGES) {
  const files = readdirSync(join(dir, pkg))
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('zz_generated') && f !== 'generated.pb.go' && !f.endsWith('_generated.go'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, pkg, file), 'utf8').split('\n');
    const imports = new Map();
    let comment = [];
    let inConst = false;
    let inImport = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (/^\s*\/\//.test(line)) {
        comment.push(line);
        continue;
      }
      const doc = commentText(comment);
      comment = [];
      if (inImport) {
        if (line.startsWith(')')) inImport = false;
        const m = /^\s*(\w+)?\s*"([^"]+)"/.exec(line);
        if (m) imports.set(m[1] ?? m[2].split('/').pop(), m[2]);
        continue;
      }
      if (line.startsWith('import (')) {
        inImport = true;
        continue;
      }
      let m = /^import\s+(\w+)?\s*"([^"]+)"/.exec(line);
      if (m) {
        imports.set(m[1] ?? m[2].split('/').pop(), m[2]);
        continue;
      }
      if (inConst) {
        if (line.startsWith(')')) {
          inConst = false;
          continue;
        }
        m = /^\t(\w+)\s+(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(\/\/.*)?$/.exec(line);
        if (m) constants.push({ type: `${packageKey(pkg)}.${m[2]}`, name: m[1], value: JSON.parse(`"${m[3]}"`), comment: doc, pkg });
        // `AddressTypeIPv4 = AddressType(v1.IPv4Protocol)`, `AddressTypeFQDN = AddressType("FQDN")`
        m ??= /^\t(\w+)\s*=\s*(\w+)\((?:"((?:[^"\\]|\\.)*)"|(\w+)\.(\w+)|(\w+))\)\s*(\/\/.*)?$/.exec(line);
        if (m && m[2] !== undefined && !constants.some((c) => c.name === m[1] && c.pkg === pkg)) {
          const ref = m[4] ? { path: imports.get(m[4]), name: m[5] } : m[6] ? { path: `k8s.io/api/${pkg}`, name: m[6] } : undefined;
          constants.push({ type: `${packageKey(pkg)}.${m[2]}`, name: m[1], value: m[3] !== undefined ? JSON.parse(`"${m[3]}"`) : undefined, ref, comment: doc, pkg });
        }
        continue;
      }
      if (line.startsWith('const (')) {
        inConst = true;
        continue;
      }
      m = /^const\s+(\w+)\s+(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
      if (m) {
        constants.push({ type: `${packageKey(pkg)}.${m[2]}`, name: m[1], value: JSON.parse(`"${m[3]}"`), comment: doc, pkg });
        continue;
      }
      m = /^type\s+(\w+)\s+(=\s*)?(\w+)\s*$/.exec(line);
      if (m) {
        const name = `${packageKey(pkg)}.${m[1]}`;
        if (m[2]) aliases.set(name, `${packageKey(pkg)}.${m[3]}`);
        else if (m[3] === 'string' && doc.some((d) => /^\+enum\b/.test(d.trim()))) enumTypes.set(name, { values: new Map() });
        continue;
      }
      m = /^type\s+(\w+)\s+struct\s*\{\s*$/.exec(line);
      if (m) {
        const s = { name: `${packageKey(pkg)}.${m[1]}`, fields: [] };
        for (i++; i < lines.length && !lines[i].startsWith('}'); i++) {
          const f = /^\t(\w+)\s+([*\[\]\w.]+)\s+`json:"([^",]*)/.exec(lines[i]);
          if (f && f[3] !== '-' && f[3] !== '') s.fields.push({ json: f[3], goType: f[2], pkg, imports: new Map(imports) });
          else if (/^\t\w+\s+(struct|interface)\b/.test(lines[i])) throw new Error(`${pkg}/${file}:${i + 1}: inline struct not understood`);
        }
        structs.push(s);
      }
    }
  }
}

/** kube-openapi enumValue.Description: " - `\"Value\"` comment", the constant's own name cut from the comment. */
function valueLine(c) {
  let comment = c.comment.join(' ').trim();
  if (comment.startsWith(c.name)) comment = comment.slice(c.name.length);
  comment = comment.trim().replace(/\s+/g, ' ');
  return ` - \`${JSON.stringify(c.value)}\` ${comment}`;
}

for (const c of constants) {
  if (c.value !== undefined) continue;
  const target = c.ref?.path?.startsWith('k8s.io/api/') ? constants.find((d) => d.name === c.ref.name && d.pkg === c.ref.path.slice('k8s.io/api/'.length)) : undefined;
  if (target?.value === undefined) throw new Error(`constant ${c.name}: value not found`);
  c.value = target.value;
}
for (const c of constants) {
  const type = aliases.get(c.type) ?? c.type;
  const e = enumTypes.get(type);
  if (e && !e.values.has(c.value)) e.values.set(c.value, valueLine(c));
}

/** Go's sort.Strings: by bytes (UTF-16 order is the same for the ASCII these hold). */
const byBytes = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The enum type a Go field type names (`*v1.Protocol`, `ServiceType`), and whether it is a list of it. */
function enumOfField(f) {
  let t = f.goType.replace(/^\*/, '');
  let list = false;
  if (t.startsWith('[]')) {
    list = true;
    t = t.slice(2).replace(/^\*/, '');
  }
  if (t.startsWith('map[')) return undefined;
  let key;
  const dot = t.indexOf('.');
  if (dot >= 0) {
    const path = f.imports.get(t.slice(0, dot));
    if (!path || !path.startsWith('k8s.io/api/')) return undefined;
    key = `${packageKey(path.slice('k8s.io/api/'.length))}.${t.slice(dot + 1)}`;
  } else key = `${packageKey(f.pkg)}.${t}`;
  key = aliases.get(key) ?? key;
  return enumTypes.has(key) ? { type: key, list } : undefined;
}

const usedEnums = new Set();
const fields = {};
for (const s of structs) {
  const t = trimmed[s.name];
  if (!t) continue;
  for (const f of s.fields) {
    const e = enumOfField(f);
    if (!e) continue;
    const ours = Array.isArray(t.f[f.json]) ? t.f[f.json][0] : t.f[f.json];
    if (ours === undefined) throw new Error(`${s.name}.${f.json}: in the Go source, not in types-${version}.json`);
    if (ours !== (e.list ? '[]string' : 'string')) throw new Error(`${s.name}.${f.json}: enum ${e.type} on a field of type ${ours}`);
    (fields[s.name] ??= {})[f.json] = (e.list ? '[]' : '') + e.type;
    usedEnums.add(e.type);
  }
}

const enums = {};
for (const name of [...usedEnums].sort(byBytes)) {
  const e = enumTypes.get(name);
  if (e.values.size === 0) throw new Error(`enum ${name} has no constants`);
  enums[name] = {
    // enumType.ValueStrings: the values as Go literals, sorted as such.
    values: [...e.values.keys()].sort((a, b) => byBytes(JSON.stringify(a), JSON.stringify(b))),
    // enumType.DescriptionLines (without the header): sorted lines.
    lines: [...e.values.values()].sort(byBytes),
  };
}

const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort(byBytes).map((k) => [k, o[k]]));
const out = join(schemaDir, `enums-${version}.json`);
writeFileSync(
  out,
  JSON.stringify({ kubernetesVersion: version, source: sourceName, enums, fields: sortKeys(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sortKeys(v)]))) }, null, 1) + '\n',
);
console.log(`${usedEnums.size} enum types on ${Object.values(fields).reduce((n, f) => n + Object.keys(f).length, 0)} fields written to ${out}`);
