/**
 * Services: defaults (SetDefaults_Service), ClusterIP allocation before validation (service
 * registry alloc.go), and ValidateService. A first slice; see apiserver-1.33-admission.md §3.
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { AdmissionContext, KindStrategy } from '../strategy.ts';
import type { KubeObject } from '../types.ts';

/** The service CIDR of a kubeadm cluster: 10.96.0.0/12. */
class ClusterIPAllocator {
  private readonly used = new Set<string>();
  allocate(ctx: AdmissionContext): string {
    for (;;) {
      // Skip the network address and the first IP (reserved for `kubernetes`) and .10 (kube-dns) by chance only.
      const n = 16 + ctx.random.int((1 << 20) - 32);
      const ip = `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
  }
  reserve(ip: string): boolean {
    if (this.used.has(ip)) return false;
    this.used.add(ip);
    return true;
  }
  release(ip: string): void {
    this.used.delete(ip);
  }
}

function allocator(ctx: AdmissionContext): ClusterIPAllocator {
  return ctx.shared('service-cluster-ips', () => new ClusterIPAllocator());
}

export const serviceStrategy: KindStrategy = {
  defaults(obj) {
    const spec = (obj.spec ??= {});
    spec.type ??= 'ClusterIP';
    if (spec.type !== 'ExternalName') {
      spec.sessionAffinity ??= 'None';
      spec.internalTrafficPolicy ??= 'Cluster';
    } else {
      spec.sessionAffinity ??= 'None';
    }
    for (const port of spec.ports ?? []) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port;
    }
    if (!obj.status) obj.status = { loadBalancer: {} };
  },
  prepareForCreate(obj, ctx) {
    obj.status = { loadBalancer: {} };
    const spec = obj.spec;
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
      if (spec.clusterIP) allocator(ctx).reserve(spec.clusterIP);
      else spec.clusterIP = allocator(ctx).allocate(ctx);
      spec.clusterIPs = [spec.clusterIP];
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
  },
  validate(obj: KubeObject): FieldError[] {
    const errs: FieldError[] = [];
    const spec = obj.spec ?? {};
    if (spec.type !== 'ExternalName' && (!spec.ports || spec.ports.length === 0)) errs.push(fieldErrors.required('spec.ports'));
    return errs;
  },
  rollback(obj, old, ctx) {
    if (!old && obj.spec?.clusterIP && obj.spec.clusterIP !== 'None') allocator(ctx).release(obj.spec.clusterIP);
  },
  afterDelete(obj, ctx) {
    if (obj.spec?.clusterIP && obj.spec.clusterIP !== 'None') allocator(ctx).release(obj.spec.clusterIP);
  },
};
