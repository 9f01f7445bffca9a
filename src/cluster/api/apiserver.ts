/**
 * The simulated API server: one object store with the metadata the real one sets (uid,
 * resourceVersion, generation, creationTimestamp), admission per kind (decode, defaults,
 * prepare, validate), label and field selectors, optimistic concurrency and watch.
 *
 * Every client (kubectl, the controllers, the page) goes through these verbs, as they would go
 * through the REST API of a real cluster. Failures throw `ApiError` (a metav1.Status); warnings
 * travel with the response. Objects handed out are frozen.
 */
import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import { decodeBody, decodePatched, decodeTrusted } from './admission/decode.ts';
import { STRATEGIES } from './admission/index.ts';
import { validateObjectMeta, validateObjectMetaForUpdate } from './admission/meta.ts';
import { parseRFC3339, toRFC3339 } from '../clock.ts';
import {
  ApiError,
  alreadyExists,
  badRequest,
  CONFLICT_MODIFIED,
  conflict,
  fieldErrors,
  forbidden,
  internalError,
  invalid,
  notFound,
  type FieldError,
} from './errors.ts';
import { compileFieldSelector, FieldSelectorError, parseFieldSelector } from './fields.ts';
import { parseSelector, SelectorParseError } from './labels.ts';
import { applyPatch, type PatchType } from './patch.ts';
import { tableFor, type Table } from './printers/table.ts';
import { apiVersionOf, RESOURCES, resourceInfo, resourceKey, type ResourceInfo } from './resources.ts';
import type { AdmissionContext, KindStrategy } from './strategy.ts';
import { clone, deepFreeze, jsonEqual, type KubeList, type KubeObject } from './types.ts';

export interface Response<T> {
  object: T;
  warnings: string[];
}

export interface WriteOptions {
  /** kubectl sends Strict by default (`--validate=strict`). */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  dryRun?: boolean;
  fieldManager?: string;
  /**
   * Write a subresource instead of the main resource: `status` (controllers, kubelet), or
   * `finalize` (a namespace's spec.finalizers, as the namespace controller does).
   */
  subresource?: 'status' | 'finalize';
  /**
   * The body was built by the cluster's own code: set by `internalClient()` only (controllers,
   * kubelet, bootstrap). It is copied instead of decoded strictly (decodeTrusted); everything
   * else about the write is the same.
   */
  trusted?: boolean;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  dryRun?: boolean;
}

/** metav1.ManagedFieldsEntry without fieldsV1 (the field sets are not tracked). */
export interface ManagedFieldsEntry {
  apiVersion: string;
  fieldsType: 'FieldsV1';
  manager: string;
  operation: 'Update' | 'Apply';
  subresource?: string;
  time: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  /** Store key of the resource (`services`, `deployments.apps`). */
  resource: string;
  object: KubeObject;
  /** The previous state, for MODIFIED and DELETED. */
  old?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;

interface Watcher {
  resource?: string;
  namespace?: string;
  handler: WatchHandler;
  /** Position in the pending queue of the next event this watcher is to receive. */
  next: number;
}

/** Namespaces the API server will not delete (NamespaceLifecycle admission). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** kube-apiserver --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
const EVENT_RESOURCES = new Set(['events', 'events.events.k8s.io']);

export class ApiServer {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private revision = 0;
  private readonly watchers = new Set<Watcher>();
  /**
   * Events committed while some emit is still delivering: every watcher receives them in
   * commit order (`next` is its position here); the outermost emit empties the queue.
   */
  private readonly pending: WatchEvent[] = [];
  private emitting = false;
  private readonly sharedState = new Map<string, unknown>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly scanCache = new Map<string, Map<string, KubeObject[]>>();
  /**
   * Store keys of core Events by involvedObject.name: `kubectl describe` lists a thing's events
   * with a field selector that pins the name, among thousands of events.
   */
  private readonly eventsByInvolvedName = new Map<string, Set<string>>();

  constructor(
    readonly clock: Clock,
    readonly random: Random,
  ) {
    for (const info of RESOURCES) this.objects.set(resourceKey(info), new Map());
  }

  /**
   * The same server, as the cluster's own components use it (controllers, kubelet, bootstrap):
   * their writes carry `trusted`, so the objects they build are copied rather than strictly
   * decoded (their fields are known good: the test suite checks both ways agree). Everything
   * else is this server's own methods.
   */
  internalClient(): ApiServer {
    const client = Object.create(this) as ApiServer;
    const trusted = (opts: WriteOptions | undefined): WriteOptions => ({ ...opts, trusted: true });
    const writes: Record<string, unknown> = {
      create: (r: string, ns: string | undefined, body: unknown, opts?: WriteOptions) => this.create(r, ns, body, trusted(opts)),
      update: (r: string, ns: string | undefined, body: unknown, opts?: WriteOptions) => this.update(r, ns, body, trusted(opts)),
      patch: (r: string, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions) => this.patch(r, ns, name, type, patch, trusted(opts)),
    };
    // Every method runs on this server itself (a method called on the client would otherwise
    // write the server's counters onto the client).
    for (const name of Object.getOwnPropertyNames(ApiServer.prototype)) {
      const member = (this as unknown as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof member !== 'function') continue;
      Object.defineProperty(client, name, { value: writes[name] ?? member.bind(this) });
    }
    return client;
  }

  /** The resources served, in discovery order. */
  discovery(): readonly ResourceInfo[] {
    return RESOURCES;
  }

  /** The current cluster-wide revision (the resourceVersion of a list). */
  currentRevision(): string {
    return String(this.revision);
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  get(resource: string, namespace: string | undefined, name: string): Response<KubeObject> {
    const info = this.info(resource);
    const obj = this.bucket(info).get(storageKey(info, namespace, name));
    if (!obj) throw withWarnings(notFound(info.resource, info.group, name), this.requestWarnings(info));
    return { object: obj, warnings: this.requestWarnings(info) };
  }

  /** Like `get`, without errors or warnings: for controllers and checks. */
  peek(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const info = resourceInfo(resource);
    if (!info) return undefined;
    return this.bucket(info).get(storageKey(info, namespace, name));
  }

  /** List across one namespace, or all when `namespace` is undefined; ordered by namespace, then name. */
  list(resource: string, namespace: string | undefined, opts: ListOptions = {}): Response<KubeList> {
    const info = this.info(resource);
    const warnings = this.requestWarnings(info);
    let labelMatch: ((o: KubeObject) => boolean) | undefined;
    let fieldMatch: ((o: KubeObject) => boolean) | undefined;
    let involvedName: string | undefined;
    try {
      if (opts.labelSelector) {
        const sel = parseSelector(opts.labelSelector);
        labelMatch = (o) => sel.matches(o.metadata.labels);
      }
      if (opts.fieldSelector) {
        const sel = parseFieldSelector(opts.fieldSelector);
        fieldMatch = compileFieldSelector(info.resource, info.kind, info.version, sel);
        if (resourceKey(info) === 'events') {
          involvedName = sel.requirements.find((r) => r.field === 'involvedObject.name' && r.operator !== '!=')?.value;
        }
      }
    } catch (e) {
      if (e instanceof SelectorParseError || e instanceof FieldSelectorError) throw withWarnings(badRequest(e.message), warnings);
      throw this.asApiError(e, warnings);
    }
    const candidates = involvedName !== undefined ? this.eventsInvolving(info, involvedName, namespace) : this.scan(info, namespace);
    const items = candidates.filter((o) => (!labelMatch || labelMatch(o)) && (!fieldMatch || fieldMatch(o)));
    return {
      object: { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: this.currentRevision() }, items },
      warnings,
    };
  }

  /** GET with `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`: the server-side table. */
  getTable(resource: string, namespace: string | undefined, name: string): Response<Table> {
    const info = this.info(resource);
    const { object, warnings } = this.get(resource, namespace, name);
    return { object: tableFor(info, [object], this.clock.now(), this.currentRevision()), warnings };
  }

  /** LIST as a Table. */
  listTable(resource: string, namespace: string | undefined, opts: ListOptions = {}): Response<Table> {
    const info = this.info(resource);
    const { object, warnings } = this.list(resource, namespace, opts);
    return { object: tableFor(info, object.items, this.clock.now(), object.metadata.resourceVersion), warnings };
  }

  /** All stored objects of a resource, sorted, without selectors or warnings: for controllers. */
  scan(info: ResourceInfo | string, namespace?: string): KubeObject[] {
    const ri = typeof info === 'string' ? this.info(info) : info;
    const bucketKey = resourceKey(ri);
    // Scans are cached per resource and namespace until the next write to that resource:
    // controllers scan far more often than anything writes.
    let perNs = this.scanCache.get(bucketKey);
    if (!perNs) {
      perNs = new Map();
      this.scanCache.set(bucketKey, perNs);
    }
    const nsKey = namespace !== undefined && ri.namespaced ? namespace : '';
    let cached = perNs.get(nsKey);
    if (!cached) {
      const bucket = this.bucket(ri);
      let keys = this.sortedKeys.get(bucketKey);
      if (!keys) {
        keys = [...bucket.keys()].sort(compareKeys);
        this.sortedKeys.set(bucketKey, keys);
      }
      const prefix = nsKey ? `${nsKey}/` : undefined;
      cached = [];
      for (const k of keys) if (!prefix || k.startsWith(prefix)) cached.push(bucket.get(k)!);
      perNs.set(nsKey, cached);
    }
    return cached.slice();
  }

  /** Core Events whose involvedObject.name is `name`, in store order (a subset of `scan`). */
  private eventsInvolving(info: ResourceInfo, name: string, namespace: string | undefined): KubeObject[] {
    const bucket = this.bucket(info);
    const prefix = namespace !== undefined ? `${namespace}/` : undefined;
    const keys = [...(this.eventsByInvolvedName.get(name) ?? [])].filter((k) => !prefix || k.startsWith(prefix)).sort(compareKeys);
    return keys.map((k) => bucket.get(k)!);
  }

  /** Keep eventsByInvolvedName in step with the store. */
  private indexEvent(key: string, old: KubeObject | undefined, obj: KubeObject | undefined): void {
    const before: string | undefined = old?.involvedObject?.name ?? (old ? '' : undefined);
    const after: string | undefined = obj?.involvedObject?.name ?? (obj ? '' : undefined);
    if (before === after) return;
    if (before !== undefined) {
      const set = this.eventsByInvolvedName.get(before);
      set?.delete(key);
      if (set?.size === 0) this.eventsByInvolvedName.delete(before);
    }
    if (after !== undefined) {
      let set = this.eventsByInvolvedName.get(after);
      if (!set) this.eventsByInvolvedName.set(after, (set = new Set()));
      set.add(key);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writes
  //
  // The order is the real API server's (apiserver handlers/create.go, registry/generic Store):
  // decode (strict) and defaults -> NamespaceLifecycle and the mutating admission plugins ->
  // the registry's BeginCreate (Service IP and port allocation) -> BeforeCreate (generateName,
  // system fields, PrepareForCreate, validation) -> storage (AlreadyExists).

  create(resource: string, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): Response<KubeObject> {
    const info = this.info(resource);
    const strategy = STRATEGIES[resourceKey(info)] ?? {};
    const warnings = [...this.requestWarnings(info)];
    const request = this.request(info, warnings);
    const ctx = request.ctx;
    try {
      const strict = () => decodeBody(info, body, opts.fieldValidation ?? 'Strict', ctx);
      const obj = opts.trusted ? decodeTrusted(info, body, strict) : strict();
      obj.metadata ??= {};
      strategy.defaults?.(obj, ctx);
      if (info.namespaced) {
        const requestNs = namespace ?? 'default';
        if (obj.metadata.namespace && obj.metadata.namespace !== requestNs) {
          throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
        }
        obj.metadata.namespace = requestNs;
        this.admitNamespace(info, requestNs, obj.metadata.name ?? '');
      } else {
        delete obj.metadata.namespace;
      }
      if (!obj.metadata.name && obj.metadata.generateName) {
        obj.metadata.name = this.generateName(info, obj.metadata.namespace, obj.metadata.generateName);
      }
      strategy.admit?.(obj, ctx);
      // Fields only the server sets (rest.BeforeCreate / FillObjectMetaSystemFields).
      obj.metadata.uid = this.random.uuid();
      obj.metadata.creationTimestamp = this.clock.nowRFC3339();
      delete obj.metadata.resourceVersion;
      delete obj.metadata.deletionTimestamp;
      delete obj.metadata.deletionGracePeriodSeconds;
      delete (obj.metadata as Record<string, unknown>).selfLink;
      if (strategy.hasGeneration) obj.metadata.generation = 1;
      else delete obj.metadata.generation;
      this.recordManager(obj, undefined, opts, 'Update');

      strategy.prepareForCreate?.(obj, ctx);
      const errs: FieldError[] = [...validateObjectMeta(info, obj), ...(strategy.validate?.(obj, ctx) ?? [])];
      if (errs.length > 0) throw invalid(info.kind, info.group, obj.metadata.name ?? '', errs);
      const key = storageKey(info, obj.metadata.namespace, obj.metadata.name!);
      if (this.bucket(info).has(key)) throw alreadyExists(info.resource, info.group, obj.metadata.name!);
      if (opts.dryRun) {
        request.rollback();
        return { object: deepFreeze(this.stamp(info, obj)), warnings };
      }
      const stored = this.store(info, key, obj, undefined);
      request.commit();
      return { object: stored, warnings };
    } catch (e) {
      request.rollback();
      throw this.asApiError(e, warnings);
    }
  }

  /** PUT: replace the object. A resourceVersion in the body must match the stored one. */
  update(resource: string, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): Response<KubeObject> {
    const info = this.info(resource);
    const warnings = [...this.requestWarnings(info)];
    const request = this.request(info, warnings);
    try {
      const strict = () => decodeBody(info, body, opts.fieldValidation ?? 'Strict', request.ctx);
      const obj = opts.trusted ? decodeTrusted(info, body, strict) : strict();
      obj.metadata ??= {};
      if (info.namespaced && namespace !== undefined && obj.metadata.namespace && obj.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      const ns = info.namespaced ? (obj.metadata.namespace ?? namespace ?? 'default') : undefined;
      if (info.namespaced) obj.metadata.namespace = ns;
      const name = obj.metadata.name ?? '';
      const key = storageKey(info, ns, name);
      const old = this.bucket(info).get(key);
      if (!old) throw notFound(info.resource, info.group, name);
      const stored = this.updateExisting(info, key, old, obj, opts, request);
      return { object: stored, warnings };
    } catch (e) {
      request.rollback();
      throw this.asApiError(e, warnings);
    }
  }

  patch(
    resource: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions = {},
  ): Response<KubeObject> {
    const info = this.info(resource);
    const warnings = [...this.requestWarnings(info)];
    const request = this.request(info, warnings);
    try {
      const key = storageKey(info, namespace, name);
      const old = this.bucket(info).get(key);
      if (!old) throw notFound(info.resource, info.group, name);
      // The patchers never change their input (the stored object is frozen anyway).
      const patched = applyPatch(info, old, type, patch);
      const strict = () => decodePatched(info, patched, patch, opts.fieldValidation ?? 'Strict', request.ctx);
      const obj = opts.trusted ? decodeTrusted(info, patched, strict) : strict();
      obj.metadata ??= {};
      if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
        throw invalid(info.kind, info.group, name, [fieldErrors.invalid('metadata.name', obj.metadata.name, 'field is immutable')]);
      }
      obj.metadata.name = name;
      if (info.namespaced) obj.metadata.namespace = old.metadata.namespace;
      const stored = this.updateExisting(info, key, old, obj, opts, request);
      return { object: stored, warnings };
    } catch (e) {
      request.rollback();
      throw this.asApiError(e, warnings);
    }
  }

  /**
   * DELETE. Pods on a node are deleted gracefully: the first delete sets deletionTimestamp and
   * deletionGracePeriodSeconds (the kubelet finishes with a second delete, gracePeriodSeconds 0).
   * Objects with finalizers (and namespaces, which become Terminating) stay until the
   * finalizers are gone: the controllers finish them through update (or the `finalize`
   * subresource for a namespace's spec.finalizers).
   */
  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Response<KubeObject> {
    const info = this.info(resource);
    const warnings = [...this.requestWarnings(info)];
    const strategy = STRATEGIES[resourceKey(info)] ?? {};
    const key = storageKey(info, namespace, name);
    const old = this.bucket(info).get(key);
    if (!old) throw withWarnings(notFound(info.resource, info.group, name), warnings);
    if (info.resource === 'namespaces' && IMMORTAL_NAMESPACES.has(name)) {
      throw withWarnings(forbidden('namespaces', '', name, 'this namespace may not be deleted'), warnings);
    }
    if (opts.gracePeriodSeconds !== undefined && (!Number.isInteger(opts.gracePeriodSeconds) || opts.gracePeriodSeconds < 0)) {
      if (opts.gracePeriodSeconds < 0) opts = { ...opts, gracePeriodSeconds: 1 };
      else throw withWarnings(badRequest(`invalid gracePeriodSeconds: ${opts.gracePeriodSeconds}`), warnings);
    }
    if (opts.dryRun) return { object: old, warnings };

    const obj = clone(old);
    const now = this.clock.now();
    let keep = false;
    if (info.resource === 'namespaces') {
      // Namespace registry: mark Terminating; the namespace controller empties it, then
      // finalizes (spec.finalizers = []), which removes it.
      if (!obj.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = this.clock.nowRFC3339();
        obj.metadata.deletionGracePeriodSeconds = 0;
        obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
      }
      keep = (obj.spec?.finalizers?.length ?? 0) > 0 || (obj.metadata.finalizers?.length ?? 0) > 0;
    } else {
      const grace = strategy.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
      const finalizers = [...(obj.metadata.finalizers ?? [])];
      if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
      if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
      if (grace > 0) {
        // A second graceful delete may only shorten the period.
        const currentEnd = obj.metadata.deletionTimestamp ? parseRFC3339(obj.metadata.deletionTimestamp) : Infinity;
        if (now + grace * 1000 < currentEnd) {
          obj.metadata.deletionTimestamp = toRFC3339(now + grace * 1000);
          obj.metadata.deletionGracePeriodSeconds = grace;
          if ((obj.metadata.generation ?? 0) > 0) obj.metadata.generation = obj.metadata.generation! + 1;
        }
        keep = true;
      } else if (finalizers.length > 0) {
        if (!obj.metadata.deletionTimestamp) {
          obj.metadata.deletionTimestamp = this.clock.nowRFC3339();
          if ((obj.metadata.generation ?? 0) > 0) obj.metadata.generation = obj.metadata.generation! + 1;
        }
        obj.metadata.deletionGracePeriodSeconds = 0;
        keep = true;
      }
      if (finalizers.length > 0) obj.metadata.finalizers = finalizers;
    }
    if (keep) {
      obj.metadata.resourceVersion = old.metadata.resourceVersion;
      if (jsonEqual(obj, old)) return { object: old, warnings };
      return { object: this.store(info, key, obj, old), warnings };
    }
    return { object: this.remove(info, key, old), warnings };
  }

  // -------------------------------------------------------------------------------------------
  // Watch

  /** Watch one resource (optionally in one namespace), or every resource when `resource` is undefined. */
  watch(resource: string | undefined, namespace: string | undefined, handler: WatchHandler): () => void {
    const key = resource === undefined ? undefined : resourceKey(this.info(resource));
    const w: Watcher = { resource: key, namespace, handler, next: this.pending.length };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  private info(resource: string): ResourceInfo {
    const info = resourceInfo(resource);
    if (!info) {
      throw new ApiError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
    }
    return info;
  }

  private bucket(info: ResourceInfo): Map<string, KubeObject> {
    return this.objects.get(resourceKey(info))!;
  }

  private requestWarnings(info: ResourceInfo): string[] {
    return [...(STRATEGIES[resourceKey(info)]?.requestWarnings ?? [])];
  }

  /** One request's admission context, with the undo and finish lists of its allocations. */
  private request(info: ResourceInfo, warnings: string[]): { ctx: AdmissionContext; rollback(): void; commit(): void } {
    let undo: (() => void)[] = [];
    let finish: (() => void)[] = [];
    const ctx: AdmissionContext = {
      clock: this.clock,
      random: this.random,
      info,
      lookup: (res, ns, name) => this.peek(res, ns, name),
      list: (res, ns) => this.scan(res, ns),
      warn: (m) => {
        if (!warnings.includes(m)) warnings.push(m);
      },
      shared: <T>(k: string, create: () => T): T => {
        if (!this.sharedState.has(k)) this.sharedState.set(k, create());
        return this.sharedState.get(k) as T;
      },
      onRollback: (fn) => undo.push(fn),
      onCommit: (fn) => finish.push(fn),
    };
    return {
      ctx,
      rollback() {
        const fns = undo.reverse();
        undo = [];
        finish = [];
        for (const fn of fns) fn();
      },
      commit() {
        const fns = finish;
        undo = [];
        finish = [];
        for (const fn of fns) fn();
      },
    };
  }

  /** Kept for strategies' afterDelete, which runs outside a request. */
  private admissionContext(info: ResourceInfo, warnings: string[]): AdmissionContext {
    return this.request(info, warnings).ctx;
  }

  /** NamespaceLifecycle admission (apiserver pkg/admission/plugin/namespace/lifecycle). */
  private admitNamespace(info: ResourceInfo, namespace: string, name: string): void {
    const ns = this.peek('namespaces', undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
      throw forbidden(info.resource, info.group, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  /** Anything thrown inside a verb leaves it as an ApiError carrying the request's warnings. */
  private asApiError(e: unknown, warnings: string[]): ApiError {
    if (e instanceof ApiError) return withWarnings(e, warnings);
    return withWarnings(internalError(e instanceof Error ? e.message : String(e)), warnings);
  }

  /** managedFields: one entry per manager and operation, as the real server keeps them (fields omitted). */
  private recordManager(obj: KubeObject, old: KubeObject | undefined, opts: WriteOptions, operation: 'Update' | 'Apply'): void {
    const entries = (old?.metadata.managedFields as ManagedFieldsEntry[] | undefined)?.map((e) => ({ ...e })) ?? [];
    if (!opts.fieldManager) {
      if (entries.length > 0) obj.metadata.managedFields = entries;
      else delete obj.metadata.managedFields;
      return;
    }
    const entry: ManagedFieldsEntry = {
      apiVersion: obj.apiVersion,
      fieldsType: 'FieldsV1',
      manager: opts.fieldManager,
      operation,
      ...(opts.subresource ? { subresource: opts.subresource } : {}),
      time: this.clock.nowRFC3339(),
    };
    const i = entries.findIndex((e) => e.manager === entry.manager && e.operation === operation && (e.subresource ?? '') === (entry.subresource ?? ''));
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
    obj.metadata.managedFields = entries;
  }

  private generateName(info: ResourceInfo, namespace: string | undefined, prefix: string): string {
    // names.SimpleNameGenerator: prefix cut to 58 characters, then 5 random ones.
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    for (;;) {
      const name = base + this.random.nameSuffix();
      if (!this.bucket(info).has(storageKey(info, namespace, name))) return name;
    }
  }

  private updateExisting(
    info: ResourceInfo,
    key: string,
    old: KubeObject,
    obj: KubeObject,
    opts: WriteOptions,
    request: { ctx: AdmissionContext; commit(): void; rollback(): void },
  ): KubeObject {
    const ctx = request.ctx;
    const strategy: KindStrategy = STRATEGIES[resourceKey(info)] ?? {};
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) {
      throw conflict(info.resource, info.group, old.metadata.name!, CONFLICT_MODIFIED);
    }
    strategy.defaults?.(obj, ctx);
    // rest.BeforeUpdate: what a client cannot change through an update.
    if (!obj.metadata.uid) obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    else delete obj.metadata.deletionTimestamp;
    if (old.metadata.deletionGracePeriodSeconds !== undefined) obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    else delete obj.metadata.deletionGracePeriodSeconds;
    delete (obj.metadata as Record<string, unknown>).selfLink;
    const sub = opts.subresource;
    if (sub === 'status' || sub === 'finalize') {
      // A subresource write changes its part only: status (or a namespace's spec.finalizers).
      // The parts kept from the stored object are shared, not copied: they are frozen, and a
      // shared part makes the no-op check (jsonEqual) and deepFreeze stop at once.
      for (const field of Object.keys(old)) if (field !== 'status' && field !== 'metadata' && field !== 'spec') obj[field] = old[field];
      if (sub === 'finalize') {
        obj.spec = { ...(old.spec ?? {}), finalizers: obj.spec?.finalizers ?? [] };
        obj.status = old.status;
      } else if (old.spec !== undefined) {
        obj.spec = old.spec;
      } else {
        delete obj.spec;
      }
      for (const field of Object.keys(obj)) if (!(field in old) && field !== 'status' && field !== 'metadata' && field !== 'spec') delete obj[field];
      obj.metadata.labels = clone(old.metadata.labels);
      if (obj.metadata.labels === undefined) delete obj.metadata.labels;
    } else if (strategy.hasStatusSubresource) {
      if (old.status !== undefined) obj.status = old.status;
      else delete obj.status;
    }
    if (strategy.hasGeneration) {
      const specChanged = strategy.generationChanged
        ? strategy.generationChanged(obj, old)
        : !jsonEqual(withoutMetaAndStatus(obj), withoutMetaAndStatus(old));
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    } else {
      delete obj.metadata.generation;
    }
    this.recordManager(obj, old, opts, 'Update');
    if (sub === 'status' || sub === 'finalize') strategy.prepareForStatusUpdate?.(obj, old);
    else strategy.prepareForUpdate?.(obj, old, ctx);
    const errs: FieldError[] = [
      ...validateObjectMetaForUpdate(info, obj, old),
      ...(sub === 'status' || sub === 'finalize' ? [] : (strategy.validateUpdate?.(obj, old, ctx) ?? strategy.validate?.(obj, ctx) ?? [])),
    ];
    if (errs.length > 0) throw invalid(info.kind, info.group, obj.metadata.name ?? '', errs);
    if (opts.dryRun) {
      request.rollback();
      return deepFreeze(this.stamp(info, obj, old.metadata.resourceVersion));
    }
    // A write that changes nothing is not a write: no new resourceVersion, no watch event. Its
    // manager's new timestamp alone is no change either (the field manager leaves managedFields
    // of a no-op update as they were).
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    if (jsonEqual({ ...obj, metadata: { ...obj.metadata, managedFields: old.metadata.managedFields } }, old)) {
      request.commit();
      return old;
    }
    // The last finalizer is gone from an object being deleted: it goes now.
    const finished =
      obj.metadata.deletionTimestamp !== undefined &&
      (obj.metadata.finalizers?.length ?? 0) === 0 &&
      (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0 &&
      (info.resource !== 'namespaces' || (obj.spec?.finalizers?.length ?? 0) === 0);
    if (finished) {
      request.commit();
      return this.remove(info, key, old);
    }
    const stored = this.store(info, key, obj, old);
    request.commit();
    return stored;
  }

  /** Remove an object from the store for good. */
  private remove(info: ResourceInfo, key: string, old: KubeObject): KubeObject {
    const strategy = STRATEGIES[resourceKey(info)] ?? {};
    this.bucket(info).delete(key);
    this.sortedKeys.delete(resourceKey(info));
    this.scanCache.delete(resourceKey(info));
    if (resourceKey(info) === 'events') this.indexEvent(key, old, undefined);
    this.revision++;
    strategy.afterDelete?.(old, this.admissionContext(info, []));
    this.emit({ type: 'DELETED', resource: resourceKey(info), object: old, old });
    return old;
  }

  /** apiVersion and kind as served, and a resourceVersion (dry runs show the one they would get). */
  private stamp(info: ResourceInfo, obj: KubeObject, rv?: string): KubeObject {
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    if (rv !== undefined) obj.metadata.resourceVersion = rv;
    return obj;
  }

  private store(info: ResourceInfo, key: string, obj: KubeObject, old: KubeObject | undefined): KubeObject {
    this.revision++;
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    obj.metadata.resourceVersion = String(this.revision);
    const frozen = deepFreeze(obj);
    if (!old) this.sortedKeys.delete(resourceKey(info));
    this.scanCache.delete(resourceKey(info));
    this.bucket(info).set(key, frozen);
    if (resourceKey(info) === 'events') this.indexEvent(key, old, frozen);
    if (EVENT_RESOURCES.has(resourceKey(info))) this.expireLater(info, key, frozen.metadata.resourceVersion!);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', resource: resourceKey(info), object: frozen, old });
    return frozen;
  }

  /**
   * Events live `--event-ttl` (1 h) after their last write: etcd stores them with a lease that
   * each write renews (pkg/registry/core/event/storage), and watchers see them deleted when it
   * runs out. A timer whose write was superseded does nothing; the newer write set its own.
   */
  private expireLater(info: ResourceInfo, key: string, resourceVersion: string): void {
    this.clock.schedule(EVENT_TTL_MS, () => {
      const current = this.bucket(info).get(key);
      if (current && current.metadata.resourceVersion === resourceVersion) this.remove(info, key, current);
    });
  }

  /**
   * Deliver an event to every watcher, in commit order. A handler may write (the controllers
   * do): the events of those writes go to the watchers after this one in the same pass, and a
   * watcher still to be served gets the outer event first, so no watcher ever sees
   * resourceVersions go backwards. A watcher may be re-entered by events that come after the
   * one it is handling.
   */
  private emit(event: WatchEvent): void {
    this.pending.push(event);
    const outermost = !this.emitting;
    this.emitting = true;
    try {
      for (const w of this.watchers) {
        while (w.next < this.pending.length && this.watchers.has(w)) {
          const e = this.pending[w.next++];
          if (w.resource !== undefined && w.resource !== e.resource) continue;
          if (w.namespace !== undefined && e.object.metadata.namespace !== w.namespace) continue;
          w.handler(e);
        }
      }
    } finally {
      if (outermost) {
        this.emitting = false;
        this.pending.length = 0;
        for (const w of this.watchers) w.next = 0;
      }
    }
  }
}

function storageKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${namespace ?? 'default'}/${name}` : `/${name}`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function withWarnings(e: ApiError, warnings: string[]): ApiError {
  e.warnings = [...warnings];
  return e;
}

function withoutMetaAndStatus(o: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}
