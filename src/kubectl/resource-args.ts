/**
 * The resource arguments kubectl's resource builder accepts: `TYPE`, `TYPE NAME...`,
 * `TYPE1,TYPE2`, `TYPE/NAME ...`. Errors as kubectl prints them.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { ResourceInfo } from '../cluster/api/resources.ts';
import { KubectlError } from './errors.ts';
import { resolveResource } from './mapper.ts';

export interface ResourceRequest {
  info: ResourceInfo;
  /** Names asked for; empty means "all of this type" (subject to selectors). */
  names: string[];
}

/**
 * A category (`all`) names every resource listing it, in discovery order, unless a resource
 * of that name exists (kubectl's CategoryExpander).
 */
function expandCategory(api: ApiServer, typed: string): ResourceInfo[] | undefined {
  const lower = typed.toLowerCase();
  const resources = api.discovery();
  if (resources.some((r) => r.resource === lower || r.singular === lower || r.shortNames.includes(lower))) return undefined;
  const members = resources.filter((r) => r.categories.includes(lower));
  return members.length > 0 ? members : undefined;
}

export function parseResourceArgs(api: ApiServer, args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new KubectlError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (name === '') throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const info = resolveResource(api, type);
      const last = out[out.length - 1];
      if (last && last.info === info) last.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const infos = types
    .split(',')
    .filter((t) => t !== '')
    .flatMap((t) => expandCategory(api, t) ?? [resolveResource(api, t)]);
  if (names.length > 0 && infos.length > 1) {
    // `kubectl get svc,ep kubia`: each name for each type
    return infos.map((info) => ({ info, names: [...names] }));
  }
  return infos.map((info) => ({ info, names: [...names] }));
}
