/**
 * Resolving what a learner types (`svc`, `services`, `Service`, `deploy.apps`,
 * `endpointslices.discovery.k8s.io`) to a served resource, as kubectl's RESTMapper and
 * shortcut expander do against the server's discovery.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { ResourceInfo } from '../cluster/api/resources.ts';
import { KubectlError } from './errors.ts';

export function resolveResource(api: ApiServer, typed: string): ResourceInfo {
  const found = findResource(api.discovery(), typed);
  if (!found) throw new KubectlError(`the server doesn't have a resource type "${typed}"`);
  return found;
}

export function findResource(resources: readonly ResourceInfo[], typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  // `name.version.group` or `name.group`
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const rest = dot < 0 ? undefined : lower.slice(dot + 1);
  const matchesName = (r: ResourceInfo) =>
    r.resource === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
  const candidates = resources.filter((r) => {
    if (!matchesName(r)) return false;
    if (rest === undefined) return true;
    if (rest === r.group) return true;
    if (rest === `${r.version}.${r.group}` || (r.group === '' && (rest === r.version || rest === `${r.version}.`))) return true;
    return false;
  });
  // The core group wins over others for the same name (events), as kubectl's priority mapper does.
  return candidates.find((r) => r.group === '') ?? candidates[0];
}

/** `service`, `deployment.apps`: the prefix kubectl writes before names (-o name, several kinds). */
export function kindPrefix(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}
