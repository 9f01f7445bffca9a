/**
 * Reading -f inputs as kubectl's resource builder does (cli-runtime pkg/resource): a file, a
 * folder (its .yaml, .yml and .json files, sorted; with -R those of its subfolders too), or `-`
 * for standard input. A stream is split into documents at `---` lines (YAMLReader) and each
 * document is decoded on its own, so the documents before a broken one are still used and a
 * syntax error's line counts from the start of its document. Errors name the source as kubectl
 * does.
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import type { KubeObject } from '../cluster/api/types.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import { KubectlError } from './errors.ts';
import { goYamlError } from './yaml-errors.ts';

export interface Manifest {
  /** The source as kubectl names it in messages: the path given, or `STDIN`. */
  source: string;
  object: KubeObject;
}

export interface ReadResult {
  manifests: Manifest[];
  /** One error per source that could not be read completely (its earlier documents are kept). */
  errors: KubectlError[];
  /** Manifests and errors in the order the builder meets them. */
  items: (Manifest | KubectlError)[];
}

export interface ReadOptions {
  /** Client-side checks of apiVersion and kind (off with --validate=false/ignore). */
  validate?: boolean;
  /** -R: a folder's subfolders too (without it, only the files directly in it). */
  recursive?: boolean;
}

/** Read every -f source; a missing path fails the whole command, as the builder does. */
export function readManifestSources(fs: VirtualFS, filenames: readonly string[], stdin: string, opts: ReadOptions = {}): ReadResult {
  const sources: { source: string; text: string }[] = [];
  let stdinUsed = false;
  for (const f of filenames) {
    if (f === '-') {
      if (stdinUsed) throw new KubectlError('standard input cannot be used for multiple arguments');
      stdinUsed = true;
      sources.push({ source: 'STDIN', text: stdin });
      continue;
    }
    if (!fs.exists(f)) throw new KubectlError(`the path "${f}" does not exist`);
    if (fs.isDir(f)) {
      const root = fs.resolve(f);
      const inFolder = (p: string) => opts.recursive || !p.slice(root.length + 1).includes('/');
      for (const path of fs.filesUnder(f).filter((p) => /\.(ya?ml|json)$/.test(p) && inFolder(p)).sort()) {
        const rel = path.startsWith(root + '/') ? `${f.replace(/\/$/, '')}/${path.slice(root.length + 1)}` : path;
        sources.push({ source: rel, text: fs.read(path) ?? '' });
      }
      continue;
    }
    sources.push({ source: f, text: fs.read(f) ?? '' });
  }
  const manifests: Manifest[] = [];
  const errors: KubectlError[] = [];
  const items: (Manifest | KubectlError)[] = [];
  for (const s of sources) {
    const got: Manifest[] = [];
    try {
      parseDocuments(s.text, s.source, opts, got);
      items.push(...got);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      items.push(...got, e);
      errors.push(e);
    }
    manifests.push(...got);
  }
  return { manifests, errors, items };
}

/** The old all-or-nothing reader: throws the first error. */
export function readManifests(fs: VirtualFS, filenames: readonly string[], stdin: string, opts: ReadOptions = { validate: true }): Manifest[] {
  const r = readManifestSources(fs, filenames, stdin, opts);
  if (r.errors.length > 0) throw r.errors[0];
  return r.manifests;
}

/** Split a stream at lines that are `---` (optionally followed by spaces), as YAMLReader does. */
export function splitDocuments(text: string): string[] {
  return documentsWithLines(text).map((d) => d.text);
}

/** The documents of a stream with the 0-based line each starts on (the editor's markers need it). */
export function documentsWithLines(text: string): { text: string; firstLine: number }[] {
  const docs: { text: string; firstLine: number }[] = [];
  let cur: string[] = [];
  let firstLine = 0;
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('---') && line.slice(3).trim() === '') {
      docs.push({ text: cur.join('\n'), firstLine });
      cur = [];
      firstLine = i + 1;
    } else cur.push(line);
  });
  docs.push({ text: cur.join('\n'), firstLine });
  return docs;
}

/**
 * An empty or comment-only document, which kubectl's YAML decoder skips (js-yaml 5 would call it
 * an error).
 */
export function isBlankDocument(doc: string): boolean {
  return /^(\s*(#.*)?(\n|$))*$/.test(doc);
}

/** Decode one source's documents into `out`; throws (after keeping the good ones) at the first bad one. */
export function parseDocuments(text: string, source: string, opts: ReadOptions = { validate: true }, out: Manifest[] = []): Manifest[] {
  for (const doc of splitDocuments(text)) {
    if (isBlankDocument(doc)) continue;
    let parsed: unknown;
    try {
      parsed = load(doc, { schema: YAML11_SCHEMA });
    } catch (e) {
      throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: ${goYamlError(e, doc)}`);
    }
    if (parsed === null || parsed === undefined) continue;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      if (opts.validate !== false) {
        throw new KubectlError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      const what = Array.isArray(parsed) ? 'array' : typeof parsed === 'string' ? 'string' : typeof parsed === 'number' ? 'number' : 'bool';
      throw new KubectlError(`unable to decode "${source}": json: cannot unmarshal ${what} into Go value of type unstructured.detector`);
    }
    const o = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
    if (opts.validate !== false) {
      const missing = [...(o.apiVersion ? [] : ['apiVersion not set']), ...(o.kind ? [] : ['kind not set'])];
      if (missing.length > 0) {
        const text = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
        throw new KubectlError(`error validating "${source}": error validating data: ${text}; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
    } else if (!o.kind) {
      throw new KubectlError(`unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(o)}'`);
    }
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const item of o.items) out.push({ source, object: item as KubeObject });
      continue;
    }
    out.push({ source, object: o as KubeObject });
  }
  return out;
}
