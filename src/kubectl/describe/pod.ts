/** describePod (describe.go): the pod, its containers, conditions, volumes, QoS, tolerations, events. */
import type { KubeObject } from '../../cluster/api/types.ts';
import { controllerOf, DescribeWriter, rfc1123z, searchEvents, since, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './common.ts';
import { podQOS, writeContainers, writeResources, writeTopologySpread, writeVolumes } from './containers.ts';
import type { DescribeContext } from './index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function describePod(pod: KubeObject, ctx: DescribeContext): string {
  const spec: Any = pod.spec ?? {};
  const status: Any = pod.status ?? {};
  const meta = pod.metadata;
  const w = new DescribeWriter();
  w.line(0, `Name:\t${meta.name}`);
  w.line(0, `Namespace:\t${meta.namespace}`);
  if (spec.priority !== undefined && spec.priority !== null) w.line(0, `Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.line(0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) w.line(0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  if (spec.serviceAccountName) w.line(0, `Service Account:\t${spec.serviceAccountName}`);
  w.line(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}` : 'Node:\t<none>');
  if (status.startTime) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.line(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})`);
    w.line(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s`);
  } else {
    w.line(0, `Status:\t${status.phase ?? ''}`);
  }
  if (status.reason) w.line(0, `Reason:\t${status.reason}`);
  if (status.message) w.line(0, `Message:\t${status.message}`);
  const sp = spec.securityContext?.seccompProfile;
  if (sp) {
    w.line(0, `SeccompProfile:\t${sp.type}`);
    if (sp.type === 'Localhost') w.line(0, `LocalhostProfile:\t${sp.localhostProfile ?? ''}`);
  }
  w.line(0, `IP:\t${status.podIP ?? ''}`);
  const ips: Any[] = status.podIPs ?? [];
  if (ips.length === 0) w.line(0, 'IPs:\t<none>');
  else {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, `IP:\t${ip.ip}`);
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.line(0, `Controlled By:\t${controlledBy}`);
  if (status.nominatedNodeName) w.line(0, `NominatedNodeName:\t${status.nominatedNodeName}`);
  if (spec.resources) {
    w.line(0, 'Resources:');
    writeResources(w, spec.resources, 1);
  }
  if ((spec.initContainers ?? []).length > 0) writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], pod, '');
  writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], pod, '');
  if ((spec.ephemeralContainers ?? []).length > 0) {
    writeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses ?? [], pod, '');
  }
  const conditions: Any[] = status.conditions ?? [];
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.line(1, `${g.conditionType} \t${c ? c.status : '<none>'} `);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.line(1, `${c.type} \t${c.status} `);
  }
  writeVolumes(w, spec.volumes, '');
  w.line(0, `QoS Class:\t${podQOS(pod)}`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeTopologySpread(w, spec.topologySpreadConstraints, '');
  if (ctx.showEvents) {
    // The pod's reference has no kind (PodDescriber clears ref.Kind); a mirror pod's events
    // carry the UID of its static pod.
    const mirror = meta.annotations?.['kubernetes.io/config.mirror'];
    const events = searchEvents(ctx, { name: meta.name!, namespace: meta.namespace ?? '', uid: mirror ?? meta.uid });
    writeEvents(w, events, ctx.now);
  }
  return w.toString();
}
