/**
 * What the API server does per kind around a write, in the order the real registry runs it
 * (k8s.io/apiserver generic Store, pkg/registry/*\/strategy.go):
 *   decode (strict) -> defaults -> prepareForCreate/Update (incl. allocation) -> validate -> store.
 * Each kind's strategy lives in admission/<kind>.ts and is registered in admission/index.ts.
 */
import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import type { FieldError } from './errors.ts';
import type { ResourceInfo } from './resources.ts';
import type { KubeObject } from './types.ts';

export interface AdmissionContext {
  clock: Clock;
  random: Random;
  info: ResourceInfo;
  /** Read other objects (e.g. a namespace's existence, allocated IPs). */
  lookup(resourceKey: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resourceKey: string, namespace?: string): readonly KubeObject[];
  /** Warnings to return with the response (`Warning: ...` in kubectl). */
  warn(message: string): void;
  /** Shared state a strategy keeps across requests (IP allocators...), by name. */
  shared<T>(key: string, create: () => T): T;
  /** Run if the request fails after this point (undo an allocation). */
  onRollback(fn: () => void): void;
  /** Run once the write is stored (release what the old object held). */
  onCommit(fn: () => void): void;
}

export interface KindStrategy {
  /** SetDefaults_<Kind>: fills defaults into the decoded object. */
  defaults?(obj: KubeObject, ctx: AdmissionContext): void;
  /** Mutating admission plugins on create (ServiceAccount, DefaultTolerationSeconds, Priority for pods). */
  admit?(obj: KubeObject, ctx: AdmissionContext): void;
  /** PrepareForCreate plus registry work done before validation (ClusterIP / NodePort allocation). */
  prepareForCreate?(obj: KubeObject, ctx: AdmissionContext): void;
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: AdmissionContext): void;
  validate?(obj: KubeObject, ctx: AdmissionContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: AdmissionContext): FieldError[];
  /** Undo prepareForCreate/Update side effects when the write is rejected afterwards (prefer ctx.onRollback). */
  rollback?(obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void;
  /**
   * Graceful deletion (rest.BeforeDelete / CheckGracefulDelete): the grace period to wait before
   * the object goes, or 0 to delete at once. Pods only.
   */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
  /** Prepare the object for a status (or finalize) subresource write (keep spec from old). */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Release what the object holds (IPs, ports) after it is deleted. */
  afterDelete?(obj: KubeObject, ctx: AdmissionContext): void;
  /** Whether the update changes what metadata.generation counts (default: anything but metadata and status). */
  generationChanged?(obj: KubeObject, old: KubeObject): boolean;
  /** Whether spec changes bump metadata.generation. */
  hasGeneration?: boolean;
  /** Whether the main resource ignores status changes (status is written via /status). */
  hasStatusSubresource?: boolean;
  /** Warnings for every request on this resource (v1 Endpoints deprecation). */
  requestWarnings?: string[];
}
