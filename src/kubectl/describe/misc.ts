/** Namespace, ConfigMap, Secret and ServiceAccount describers (describe.go). */
import { ApiError } from '../../cluster/api/errors.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { DescribeWriter, eventsFor, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './common.ts';
import type { DescribeContext } from './index.ts';
import { formatQuantity, parseQuantity } from './quantity.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** List a resource, or undefined when the server does not serve it (NotFound). */
function listIfServed(ctx: DescribeContext, resource: string, namespace: string): KubeObject[] | undefined {
  try {
    const res = ctx.api.list(resource, namespace);
    ctx.warn(res.warnings);
    return res.object.items;
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound') return undefined;
    throw e;
  }
}

export function describeNamespace(ns: KubeObject, ctx: DescribeContext): string {
  const name = ns.metadata.name!;
  const quotas = listIfServed(ctx, 'resourcequotas', name);
  const limitRanges = listIfServed(ctx, 'limitranges', name);
  const w = new DescribeWriter();
  w.line(0, `Name:\t${name}`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.line(0, `Status:\t${ns.status?.phase ?? ''}`);
  const conditions: Any[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage');
    w.line(1, '----\t------\t------------------\t------\t-------');
    for (const c of conditions) w.line(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  if (quotas) {
    w.line(0, '');
    if (quotas.length === 0) w.line(0, 'No resource quota.');
    else {
      w.line(0, 'Resource Quotas');
      for (const q of [...quotas].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
        w.line(1, `Name:\t${q.metadata.name}`);
        w.line(1, 'Resource\tUsed\tHard');
        w.line(1, '--------\t---\t---');
        const hard = q.status?.hard ?? {};
        for (const r of Object.keys(hard).sort()) {
          w.line(1, `${r}\t${formatQuantity(parseQuantity(q.status?.used?.[r] ?? '0'))}\t${formatQuantity(parseQuantity(hard[r]))}`);
        }
      }
    }
  }
  if (limitRanges) {
    w.line(0, '');
    if (limitRanges.length === 0) w.line(0, 'No LimitRange resource.');
    else {
      w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
      w.line(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
    }
  }
  return w.toString();
}

/**
 * ConfigMapDescriber. kubectl ranges over Go maps here, so the real key order varies between
 * runs; we print keys sorted, one of the orders the real kubectl prints.
 */
export function describeConfigMap(cm: KubeObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${cm.metadata.name}`);
  w.line(0, `Namespace:\t${cm.metadata.namespace}`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data: Record<string, string> = cm.data ?? {};
  for (const k of Object.keys(data).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary: Record<string, string> = cm.binaryData ?? {};
  for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${base64Length(binary[k])} bytes\n`);
  w.write(0, '\n');
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, cm), ctx.now);
  return w.toString();
}

/** Decoded length of a base64 string. */
function base64Length(b64: string): number {
  const s = b64.replace(/\s/g, '');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

/** describeSecret: sizes only, except a service-account token; Go map order (we sort). */
export function describeSecret(secret: KubeObject): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${secret.metadata.name}`);
  w.line(0, `Namespace:\t${secret.metadata.namespace}`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  const data: Record<string, string> = secret.data ?? {};
  for (const k of Object.keys(data).sort()) {
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.line(0, `${k}:\t${atobSafe(data[k])}`);
    else w.line(0, `${k}:\t${base64Length(data[k])} bytes`);
  }
  return w.toString();
}

function atobSafe(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** describeServiceAccount: the three secret lists in header order, then events. */
export function describeServiceAccount(sa: KubeObject, ctx: DescribeContext): string {
  const ns = sa.metadata.namespace!;
  const secrets = listIfServed(ctx, 'secrets', ns) ?? [];
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const events = ctx.showEvents ? eventsFor(ctx, sa) : undefined;
  const w = new DescribeWriter();
  w.line(0, `Name:\t${sa.metadata.name}`);
  w.line(0, `Namespace:\t${ns}`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, 'Annotations', sa.metadata.annotations);
  const empty = '                   ';
  // Sorted header strings: "Image pull secrets:" < "Mountable secrets: " < "Tokens:            ".
  const groups: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: Any) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s: Any) => s.name)],
    ['Tokens:            ', tokens.map((s) => s.metadata.name!)],
  ];
  for (const [header, names] of groups) {
    if (names.length === 0) {
      w.line(0, `${header}\t<none>`);
      continue;
    }
    let prefix = header;
    for (const n of names) {
      w.line(0, `${prefix}\t${n}${existing.has(n) ? '' : ' (not found)'}`);
      prefix = empty;
    }
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
