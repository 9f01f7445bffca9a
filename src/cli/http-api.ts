/**
 * The simulated cluster served over the Kubernetes HTTP API on 127.0.0.1, so the real kubectl
 * can run against it: discovery (/api, /apis, resource lists), version, get/list with label and
 * field selectors, server-side Tables (`as=Table`), create/update/patch/delete (JSON bodies, and
 * the protobuf ones typed clients send: protobuf.ts), Warning headers and metav1.Status errors. Used by the conformance tests and by `kubelab serve`.
 * Node only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiServer } from '../cluster/api/apiserver.ts';
import { ApiError } from '../cluster/api/errors.ts';
import { openapiV3Document } from '../cluster/api/openapi.ts';
import type { PatchType } from '../cluster/api/patch.ts';
import { resourceKey, type ResourceInfo } from '../cluster/api/resources.ts';
import type { Table } from '../cluster/api/printers/table.ts';
import { decodeKubernetesProtobuf, PROTOBUF_CONTENT_TYPE, ProtobufError } from './protobuf.ts';

import { SERVER_VERSION } from '../cluster/version.ts';
export { SERVER_VERSION };

export interface HttpApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Requests seen, for tests that want to know what kubectl asked. */
export type RequestLog = { method: string; url: string; accept: string; contentType: string; body: Uint8Array }[];

export async function serveApi(api: ApiServer, opts: { port?: number; log?: RequestLog } = {}): Promise<HttpApi> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      opts.log?.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        accept: String(req.headers.accept ?? ''),
        contentType: String(req.headers['content-type'] ?? ''),
        body,
      });
      try {
        handle(api, req, res, body);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(e), reason: 'InternalError', code: 500 });
        sendError(res, err);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}

function send(res: ServerResponse, code: number, obj: unknown, warnings: readonly string[] = []): void {
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
  if (warnings.length) headers.warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(JSON.stringify(obj));
}

function sendError(res: ServerResponse, e: ApiError): void {
  send(res, e.status.code, e.status, e.warnings);
}

function notFoundPath(): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
}

function resourceList(api: ApiServer, group: string, version: string) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: api
      .discovery()
      .filter((r) => r.group === group && r.version === version)
      .map((r) => ({
        name: r.resource,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length ? { categories: r.categories } : {}),
      })),
  };
}

function groups(api: ApiServer): { name: string; version: string }[] {
  const seen = new Map<string, string>();
  for (const r of api.discovery()) if (r.group && !seen.has(r.group)) seen.set(r.group, r.version);
  return [...seen.entries()].map(([name, version]) => ({ name, version }));
}

/**
 * /openapi/v3: the index of group-version documents kubectl reads before writing. kubectl only
 * needs to learn that PATCH takes `fieldValidation` (so validation happens on the server, as
 * --validate=strict asks); strategic-merge metadata then comes from kubectl's built-in types.
 */
function openapiIndex(api: ApiServer) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const r of api.discovery()) {
    const gv = r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=kubelab` };
  }
  return { paths };
}

/** A group-version no served resource lives in: a document without paths or schemas. */
const EMPTY_OPENAPI = { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.1' }, paths: {}, components: { schemas: {} } };

/** The row objects of a Table, as `includeObject=Metadata` (the default) sends them. */
function tableWithMetadata(t: Table, includeObject: string): unknown {
  return {
    ...t,
    rows: t.rows.map((r) => ({
      cells: r.cells,
      object:
        includeObject === 'Object'
          ? r.object
          : includeObject === 'None'
            ? undefined
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: r.object.metadata },
    })),
  };
}

/**
 * A write's body: JSON, or (kubectl's typed clients: create service|deployment|namespace|
 * configmap) Kubernetes protobuf, decoded to the same JSON. Responses are always JSON, which
 * client-go reads whatever it asked for first.
 */
function requestBody(req: IncomingMessage, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  if (String(req.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)) {
    try {
      return decodeKubernetesProtobuf(body);
    } catch (e) {
      if (!(e instanceof ProtobufError)) throw e;
      throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason: 'UnsupportedMediaType', code: 415 });
    }
  }
  return JSON.parse(body.toString('utf8'));
}

function handle(api: ApiServer, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '');
  const accept = String(req.headers.accept ?? '');
  const q = url.searchParams;

  if (path === '/version') return send(res, 200, SERVER_VERSION);
  if (path === '/api') {
    return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.56.10:6443' }] });
  }
  if (path === '/apis') {
    return send(res, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups(api).map((g) => ({
        name: g.name,
        versions: [{ groupVersion: `${g.name}/${g.version}`, version: g.version }],
        preferredVersion: { groupVersion: `${g.name}/${g.version}`, version: g.version },
      })),
    });
  }
  if (path === '/api/v1') return send(res, 200, resourceList(api, '', 'v1'));
  if (path === '/openapi/v3') return send(res, 200, openapiIndex(api));
  const openapiGv = /^\/openapi\/v3\/(api\/v1|apis\/[^/]+\/[^/]+)$/.exec(path);
  if (openapiGv) {
    // The full document (schemas with descriptions, for `kubectl explain`) is built asynchronously.
    openapiV3Document(api.discovery(), openapiGv[1]).then(
      (doc) => send(res, 200, doc ?? EMPTY_OPENAPI),
      (e: unknown) => send(res, 500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(e), reason: 'InternalError', code: 500 }),
    );
    return;
  }
  const groupMatch = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (groupMatch) {
    if (!api.discovery().some((r) => r.group === groupMatch[1] && r.version === groupMatch[2])) return sendError(res, notFoundPath());
    return send(res, 200, resourceList(api, groupMatch[1], groupMatch[2]));
  }

  // /api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]]  or  /apis/G/V/...
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path);
  if (!m) return sendError(res, notFoundPath());
  const group = m[2] ?? '';
  const version = m[1] ?? m[3];
  let namespace: string | undefined = m[4];
  const resource = m[5];
  const name: string | undefined = m[6];
  const sub = m[7];
  const info: ResourceInfo | undefined = api.discovery().find((r) => r.resource === resource && r.group === group && r.version === version);
  if (!info) return sendError(res, notFoundPath());
  if (!info.namespaced) namespace = undefined;
  const key = resourceKey(info);
  const asTable = /as=Table/.test(accept);
  const method = req.method ?? 'GET';
  if (sub && sub !== 'status') return sendError(res, notFoundPath());

  if (method === 'GET') {
    if (name) {
      if (asTable) {
        const r = api.getTable(key, namespace, name);
        return send(res, 200, tableWithMetadata(r.object, q.get('includeObject') ?? 'Metadata'), r.warnings);
      }
      const r = api.get(key, namespace, name);
      return send(res, 200, r.object, r.warnings);
    }
    const listOpts = { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined };
    if (q.get('watch') === 'true' || q.get('watch') === '1') {
      // A watch that ends at once: enough for kubectl commands that only list.
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end();
    }
    if (asTable) {
      const r = api.listTable(key, namespace, listOpts);
      return send(res, 200, tableWithMetadata(r.object, q.get('includeObject') ?? 'Metadata'), r.warnings);
    }
    const r = api.list(key, namespace, listOpts);
    return send(res, 200, r.object, r.warnings);
  }

  const parsed = requestBody(req, body);
  const writeOpts = {
    fieldValidation: (q.get('fieldValidation') as 'Strict' | 'Warn' | 'Ignore' | null) ?? 'Ignore',
    dryRun: q.get('dryRun') === 'All',
    fieldManager: q.get('fieldManager') ?? undefined,
    ...(sub === 'status' ? { subresource: 'status' as const } : {}),
  };
  if (method === 'POST' && !name) {
    const r = api.create(key, namespace, parsed, writeOpts);
    return send(res, 201, r.object, r.warnings);
  }
  if (method === 'PUT' && name) {
    const r = api.update(key, namespace, parsed, writeOpts);
    return send(res, 200, r.object, r.warnings);
  }
  if (method === 'PATCH' && name) {
    const ct = String(req.headers['content-type'] ?? '');
    const type: PatchType = ct.includes('strategic') ? 'strategic' : ct.includes('json-patch') ? 'json' : 'merge';
    const r = api.patch(key, namespace, name, type, parsed, writeOpts);
    return send(res, 200, r.object, r.warnings);
  }
  if (method === 'DELETE' && name) {
    const r = api.delete(key, namespace, name, (parsed ?? {}) as Parameters<ApiServer['delete']>[3]);
    return send(res, 200, r.object, r.warnings);
  }
  return sendError(res, notFoundPath());
}

/** A kubeconfig that points kubectl at the served API. */
export function kubeconfigFor(url: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${url}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    namespace: default
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
users:
- name: kubernetes-admin
  user: {}
`;
}
