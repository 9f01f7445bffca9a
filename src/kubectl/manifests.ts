/**
 * Reading -f inputs as kubectl's resource builder does: a file, a folder (its .yaml, .yml and
 * .json files, sorted), or `-` for standard input; YAML streams split at `---`.
 */
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import type { KubeObject } from '../cluster/api/types.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import { KubectlError } from './errors.ts';

export interface Manifest {
  /** The source as kubectl names it in messages: the path given, or `STDIN`. */
  source: string;
  object: KubeObject;
}

export function readManifests(fs: VirtualFS, filenames: readonly string[], stdin: string): Manifest[] {
  const out: Manifest[] = [];
  for (const f of filenames) {
    if (f === '-') {
      out.push(...parseDocuments(stdin, 'STDIN'));
      continue;
    }
    if (!fs.exists(f)) throw new KubectlError(`the path "${f}" does not exist`);
    if (fs.isDir(f)) {
      for (const path of fs.filesUnder(f).filter((p) => /\.(ya?ml|json)$/.test(p))) {
        const rel = path.startsWith(fs.resolve(f) + '/') ? `${f.replace(/\/$/, '')}/${path.slice(fs.resolve(f).length + 1)}` : path;
        out.push(...parseDocuments(fs.read(path) ?? '', rel));
      }
      continue;
    }
    out.push(...parseDocuments(fs.read(f) ?? '', f));
  }
  return out;
}

export function parseDocuments(text: string, source: string): Manifest[] {
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: YAML11_SCHEMA });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: ${msg}`);
  }
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      throw new KubectlError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const o = doc as Record<string, unknown>;
    if (o.kind === 'List' && Array.isArray(o.items)) {
      for (const item of o.items) out.push({ source, object: item as KubeObject });
      continue;
    }
    if (!o.apiVersion || !o.kind) {
      const missing = !o.apiVersion ? 'apiVersion' : 'kind';
      throw new KubectlError(`error validating "${source}": error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    out.push({ source, object: o as KubeObject });
  }
  return out;
}
