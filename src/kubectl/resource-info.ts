/**
 * How kubectl names an object it works on in messages: resource.Info's String()
 * (`Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"` and
 * `Name: "web", Namespace: "default"`) and ObjectName() (`services/web`).
 */
import type { ResourceInfo } from '../cluster/api/resources.ts';

export function infoString(info: ResourceInfo, name: string, namespace: string): string {
  return (
    `Resource: "${info.group}/${info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\n` +
    `Name: "${name}", Namespace: "${namespace}"`
  );
}

export function objectName(info: ResourceInfo, name: string): string {
  return `${info.group ? `${info.resource}.${info.group}` : info.resource}/${name}`;
}
