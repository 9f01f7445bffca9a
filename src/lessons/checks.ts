/**
 * Evaluating a step's declarative checks against the cluster (read like a controller reads:
 * peek/scan, no warnings), the shell's history since the step began, and the editor's files.
 * Every failure says why in every language; cluster failures add diagnostics (diagnose.ts), file
 * failures a line for the editor's marker.
 */
import { loadAll, YAMLException } from 'js-yaml';
import type { ApiServer } from '../cluster/api/apiserver.ts';
import { parseSelector } from '../cluster/api/labels.ts';
import { RESOURCES, resourceKey } from '../cluster/api/resources.ts';
import type { KubeObject } from '../cluster/api/types.ts';
import { findResource } from '../kubectl/mapper.ts';
import type { HistoryEntry } from '../shell/shell.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import { invocationMatches, invocations } from './commands.ts';
import { diagnoseService } from './diagnose.ts';
import { msg } from './messages.ts';
import { countOf, deepEqual, evaluatePath, parsePath } from './path.ts';
import type { Check, CheckResult, Comparison, Condition, FileCheck, Localized, ObjectCheck, RanCheck } from './types.ts';
import { YamlLines } from './yaml-lines.ts';

export interface CheckContext {
  api: ApiServer;
  fs: VirtualFS;
  /** The shell history entries since the step began. */
  history: readonly HistoryEntry[];
}

export function evaluateCheck(check: Check, ctx: CheckContext): CheckResult {
  if ('object' in check) return objectCheck(check, ctx);
  if ('ran' in check) return ranCheck(check, ctx);
  return fileCheck(check, ctx);
}

/** Whether every condition holds for a value; the first one that does not explains why. */
export function testConditions(value: unknown, conditions: readonly Condition[], where: string): { ok: true } | { ok: false; failed: Condition; why: Localized } {
  for (const c of conditions) {
    const why = testCondition(value, c, where);
    if (why) return { ok: false, failed: c, why };
  }
  return { ok: true };
}

function testCondition(value: unknown, c: Condition, where: string): Localized | undefined {
  const got = evaluatePath(value, c.path);
  if (c.exists !== undefined && (got.length > 0) !== c.exists) return msg.exists(where, c.path, c.exists);
  if ('equals' in c && !(got.length > 0 && got.every((g) => deepEqual(g, c.equals)))) return msg.equals(where, c.path, c.equals, got);
  if ('notEquals' in c && got.some((g) => deepEqual(g, c.notEquals))) return msg.notEquals(where, c.path, c.notEquals);
  if (c.matches !== undefined) {
    const re = new RegExp(c.matches);
    if (got.length === 0 || !got.every((g) => typeof g !== 'object' && re.test(String(g)))) return msg.matches(where, c.path, c.matches, got);
  }
  if (c.length !== undefined && !compare(countOf(got), c.length)) return msg.length(where, c.path, c.length, countOf(got));
  if ('includes' in c) {
    const flat = got.flatMap((g) => (Array.isArray(g) ? g : [g]));
    if (!flat.some((g) => deepEqual(g, c.includes))) return msg.includes(where, c.path, c.includes, flat);
  }
  return undefined;
}

export function compare(n: number, want: number | Comparison): boolean {
  if (typeof want === 'number') return n === want;
  return (want.min === undefined || n >= want.min) && (want.max === undefined || n <= want.max);
}

function objectCheck(check: ObjectCheck, ctx: CheckContext): CheckResult {
  const o = check.object;
  const info = findResource(RESOURCES, o.resource);
  if (!info) throw new Error(`unknown resource ${o.resource}`);
  const key = resourceKey(info);
  const ns = info.namespaced ? (o.namespace ?? 'default') : undefined;
  const typed = info.group ? `${info.resource}.${info.group}` : info.resource;
  const shortType = info.shortNames[0] ?? info.resource;
  const what = o.name !== undefined ? `\`${shortType}/${o.name}\`` : o.selector ? `\`${shortType} -l ${o.selector}\`` : `\`${shortType}\``;
  let objects: KubeObject[];
  if (o.name !== undefined) {
    const one = ctx.api.peek(key, ns, o.name);
    objects = one ? [one] : [];
  } else objects = ctx.api.scan(key, ns);
  if (o.selector) {
    const sel = parseSelector(o.selector);
    objects = objects.filter((x) => sel.matches(x.metadata.labels));
  }
  const where = o.where ?? [];
  const tests = objects.map((x) => ({ x, r: testConditions(x, where, `\`${shortType}/${x.metadata.name}\``) }));
  const meeting = tests.filter((t) => t.r.ok).length;
  const diagnostics = () => diagnoseService(ctx.api, typed, ns ?? 'default', o.name);
  const fail = (m: Localized, diag = true): CheckResult => ({ check, passed: false, message: join([check.message ?? m, ...(diag ? diagnostics() : [])]) });

  if (o.exists === false) {
    if (meeting === 0) return { check, passed: true };
    return fail(msg.stillExists(what), false);
  }
  if (o.count !== undefined) {
    if (compare(meeting, o.count)) return { check, passed: true };
    return fail(msg.countWrong(what, o.count, meeting));
  }
  if (meeting > 0) return { check, passed: true };
  if (objects.length === 0) return fail(msg.notFound(what));
  const first = tests.find((t) => !t.r.ok)!;
  return fail(first.r.ok ? msg.noneMatch(what) : first.r.why);
}

function ranCheck(check: RanCheck, ctx: CheckContext): CheckResult {
  const r = check.ran;
  const example = exampleOf(r);
  const all = ctx.history.flatMap(invocations);
  const good = new Set(all.filter((inv) => invocationMatches(inv, r)).map((inv) => inv.line));
  const want = r.times ?? 1;
  if (good.size >= want) return { check, passed: true };
  if (good.size > 0) return { check, passed: false, message: check.message ?? msg.notEnoughRuns(example, want, good.size) };
  // Ran but failed: point at the failure rather than saying "not run".
  const failed = [...all].reverse().find((inv) => inv.exitCode !== 0 && invocationMatches({ ...inv, exitCode: r.exitCode ?? 0 }, r));
  if (failed) return { check, passed: false, message: join([check.message ?? msg.ranFailed(failed.line, failed.exitCode)]) };
  return { check, passed: false, message: check.message ?? msg.notRun(example) };
}

function exampleOf(r: RanCheck['ran']): string {
  const parts = [r.command ?? 'kubectl'];
  if (r.verb) parts.push(r.verb);
  if (r.verb === 'exec') parts.push(r.name ?? 'POD', '--', r.exec ?? '...');
  else {
    if (r.resource) parts.push(r.resource);
    if (r.name) parts.push(r.name);
  }
  return parts.join(' ');
}

function fileCheck(check: FileCheck, ctx: CheckContext): CheckResult {
  const f = check.file;
  const text = ctx.fs.read(f.path);
  const abs = ctx.fs.resolve(f.path);
  if (text === undefined) return { check, passed: false, message: check.message ?? msg.fileMissing(f.path) };
  let docs: unknown[];
  try {
    docs = loadAll(text).filter((d) => d !== null && d !== undefined);
  } catch (e) {
    const line = e instanceof YAMLException && e.mark ? e.mark.line + 1 : 1;
    const reason = e instanceof YAMLException ? e.reason : String(e);
    return { check, passed: false, message: join([msg.fileInvalid(f.path, line, reason)]), marker: { path: abs, line } };
  }
  let docIndex = 0;
  if (f.kind !== undefined) {
    docIndex = docs.findIndex((d) => d !== null && typeof d === 'object' && (d as { kind?: unknown }).kind === f.kind);
    if (docIndex < 0) return { check, passed: false, message: check.message ?? msg.fileNoKind(f.path, f.kind), marker: { path: abs, line: 1 } };
  }
  const doc = docs[docIndex];
  const r = testConditions(doc, f.where ?? [], `\`${f.path}\``);
  if (r.ok) return { check, passed: true };
  // Document index among all documents, empty ones included, for line lookup.
  const allDocs = rawDocumentIndex(text, docs, docIndex);
  const line = new YamlLines(text).lineOf(allDocs, parsePath(r.failed.path));
  return { check, passed: false, message: check.message ? join([check.message]) : r.why, marker: { path: abs, line } };
}

/** loadAll drops nothing, but we filtered empty documents; map back to the parser's index. */
function rawDocumentIndex(text: string, kept: unknown[], index: number): number {
  const all = loadAll(text);
  let seen = -1;
  for (let i = 0; i < all.length; i++) {
    if (all[i] === null || all[i] === undefined) continue;
    seen++;
    if (seen === index) return i;
  }
  return Math.min(index, kept.length - 1);
}

function join(parts: Localized[]): Localized {
  return { ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') };
}
