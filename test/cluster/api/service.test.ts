import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { failure, svc } from './helpers.ts';

const ports80 = [{ port: 80, targetPort: 8080 }];

describe('Service admission (v1.33 texts)', () => {
  it('defaults a ClusterIP Service as SetDefaults_Service and the registry leave it', () => {
    const c = new Cluster({ seed: 7 });
    const { object } = c.api.create('services', 'default', svc('kubia', { selector: { app: 'kubia' }, ports: ports80 }));
    expect(object.spec).toEqual({
      clusterIP: object.spec.clusterIP,
      clusterIPs: [object.spec.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'kubia' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(object.status).toEqual({ loadBalancer: {} });
    // Dynamic picks come from above the 256-address lower band of 10.96.0.0/12.
    const [a, b, c3, d] = object.spec.clusterIP.split('.').map(Number);
    const n = ((a << 24) | (b << 16) | (c3 << 8) | d) - ((10 << 24) | (96 << 16));
    expect(n).toBeGreaterThan(256);
    expect(n).toBeLessThan(1 << 20);
  });

  it('requires ports', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('web', { selector: { app: 'x' } })));
    expect(f.status.message).toBe('Service "web" is invalid: spec.ports: Required value');
    expect(f.status.code).toBe(422);
    expect(f.status.details).toEqual({ name: 'web', kind: 'Service', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' }] });
  });

  it('reports port and defaulted targetPort out of range together', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('web', { ports: [{ port: 70000 }] })));
    expect(f.status.message).toBe(
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    );
  });

  it('reserves a requested ClusterIP and refuses it twice', () => {
    const c = new Cluster();
    c.api.create('services', 'default', svc('a', { clusterIP: '10.96.100.100', ports: ports80 }));
    const f = failure(() => c.api.create('services', 'default', svc('b', { clusterIP: '10.96.100.100', ports: ports80 })));
    expect(f.status.message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.100.100"}: failed to allocate IP 10.96.100.100: provided IP is already allocated',
    );
    c.api.delete('services', 'default', 'a');
    expect(c.api.create('services', 'default', svc('b', { clusterIP: '10.96.100.100', ports: ports80 })).object.spec.clusterIP).toBe('10.96.100.100');
  });

  it('refuses the IPs of kubernetes and kube-dns', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('b', { clusterIP: '10.96.0.10', ports: ports80 })));
    expect(f.status.message).toContain('failed to allocate IP 10.96.0.10: provided IP is already allocated');
  });

  it('rejects a malformed clusterIP before allocating', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('b', { clusterIP: '1.2.3', ports: ports80 })));
    expect(f.status.message).toBe('Service "b" is invalid: spec.clusterIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  });

  it('says a changed clusterIP may not change once set', () => {
    const c = new Cluster();
    const web = c.api.create('services', 'default', svc('web', { ports: ports80 })).object;
    const f = failure(() => c.api.update('services', 'default', { ...web, spec: { ...web.spec, clusterIP: '10.96.0.99' } }));
    expect(f.status.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set');
  });

  it('keeps clusterIP when an update leaves it out (patchAllocatedValues)', () => {
    const c = new Cluster();
    const web = c.api.create('services', 'default', svc('web', { ports: ports80 })).object;
    const { clusterIP: _ip, clusterIPs: _ips, ...rest } = web.spec;
    const updated = c.api.update('services', 'default', { ...web, spec: { ...rest, selector: { app: 'new' } } }).object;
    expect(updated.spec.clusterIP).toBe(web.spec.clusterIP);
    expect(updated.spec.clusterIPs).toEqual([web.spec.clusterIP]);
  });

  it('allocates node ports 30000-32767 and reports the real errors', () => {
    const c = new Cluster();
    const np = c.api.create('services', 'default', svc('np', { type: 'NodePort', ports: ports80 })).object;
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
    expect(np.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    c.api.create('services', 'default', svc('fixed', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(failure(() => c.api.create('services', 'default', svc('again', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).status.message).toBe(
      'Service "again" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(failure(() => c.api.create('services', 'default', svc('low', { type: 'NodePort', ports: [{ port: 80, nodePort: 8888 }] }))).status.message).toBe(
      'Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 8888: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    c.api.delete('services', 'default', 'fixed');
    expect(c.api.create('services', 'default', svc('again', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })).object.spec.ports[0].nodePort).toBe(30080);
  });

  it('forbids nodePort on a ClusterIP Service', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('x', { ports: [{ port: 80, nodePort: 30001 }] })));
    expect(f.status.message).toBe("Service \"x\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  });

  it('creates a LoadBalancer with node ports and a pending (empty) ingress', () => {
    const c = new Cluster();
    const lb = c.api.create('services', 'default', svc('lb', { type: 'LoadBalancer', ports: ports80 })).object;
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.status).toEqual({ loadBalancer: {} });
  });

  it('creates ExternalName Services without IPs and validates externalName', () => {
    const c = new Cluster();
    const ext = c.api.create('services', 'default', svc('ext', { type: 'ExternalName', externalName: 'api.somecompany.com' })).object;
    expect(ext.spec).toEqual({ externalName: 'api.somecompany.com', sessionAffinity: 'None', type: 'ExternalName' });
    expect(failure(() => c.api.create('services', 'default', svc('bad', { type: 'ExternalName', externalName: 'Bad_Name' }))).status.message).toBe(
      "Service \"bad\" is invalid: spec.externalName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(failure(() => c.api.create('services', 'default', svc('none', { type: 'ExternalName' }))).status.message).toBe(
      'Service "none" is invalid: spec.externalName: Required value',
    );
    expect(failure(() => c.api.create('services', 'default', svc('ip', { type: 'ExternalName', externalName: 'a.b', clusterIP: '10.96.5.5' }))).status.message).toBe(
      'Service "ip" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    );
  });

  it('switches ClusterIP -> ExternalName (IP released) and back (new IP allocated)', () => {
    const c = new Cluster();
    const web = c.api.create('services', 'default', svc('web', { clusterIP: '10.96.50.50', selector: { app: 'x' }, ports: ports80 })).object;
    const ext = c.api.update('services', 'default', { ...web, spec: { ...web.spec, type: 'ExternalName', externalName: 'example.com' } }).object;
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(ext.spec.clusterIPs).toBeUndefined();
    expect(ext.spec.ipFamilies).toBeUndefined();
    expect(ext.spec.ipFamilyPolicy).toBeUndefined();
    expect(ext.spec.selector).toEqual({ app: 'x' });
    // The IP is free again.
    c.api.create('services', 'default', svc('other', { clusterIP: '10.96.50.50', ports: ports80 }));
    const { externalName: _e, ...specBack } = ext.spec;
    const back = c.api.update('services', 'default', { ...ext, spec: { ...specBack, type: 'ClusterIP' } });
    expect(back.object.spec.clusterIP).toMatch(/^10\./);
    expect(back.object.spec.clusterIP).not.toBe('10.96.50.50');
    expect(back.object.spec.ipFamilies).toEqual(['IPv4']);
  });

  it('warns when externalName is set on a non-ExternalName Service', () => {
    const c = new Cluster();
    const r = c.api.create('services', 'default', svc('w', { externalName: 'x.com', ports: ports80 }));
    expect(r.warnings).toEqual(['spec.externalName is ignored when spec.type is not "ExternalName"']);
    const r2 = c.api.create('services', 'default', svc('w2', { clusterIP: '10.96.010.9', ports: ports80 }));
    expect(r2.warnings).toEqual(['spec.clusterIPs[0]: non-standard IP address "10.96.010.9" will be considered invalid in a future Kubernetes release: use "10.96.10.9"']);
  });

  it('creates headless Services as the registry does', () => {
    const c = new Cluster();
    const withSel = c.api.create('services', 'default', svc('h', { clusterIP: 'None', selector: { a: 'b' }, ports: ports80 })).object;
    expect(withSel.spec.clusterIPs).toEqual(['None']);
    expect(withSel.spec.ipFamilyPolicy).toBe('SingleStack');
    const noSel = c.api.create('services', 'default', svc('h2', { clusterIP: 'None' })).object;
    expect(noSel.spec.ipFamilyPolicy).toBe('RequireDualStack');
    expect(noSel.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(failure(() => c.api.create('services', 'default', svc('h3', { type: 'NodePort', clusterIP: 'None', ports: ports80 }))).status.message).toBe(
      "Service \"h3\" is invalid: spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services",
    );
  });

  it('lists unsupported type after allocating, with a duplicate port as core.ServicePort', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('two-ports', { ports: [{ name: '80-80', port: 80 }, { name: '443', port: 443 }, { name: '443', port: 443 }] })));
    expect(f.status.message).toBe(
      'Service "two-ports" is invalid: [spec.ports[2].name: Duplicate value: "443", spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:443, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}]',
    );
    const g = failure(() => c.api.create('services', 'default', svc('b', { type: 'Foo', ports: ports80 })));
    expect(g.status.message).toBe('Service "b" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
  });

  it('checks names as DNS-1035 labels and targetPort names as IANA service names', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('services', 'default', svc('My_Svc', { ports: ports80 }))).status.message).toBe(
      "Service \"My_Svc\" is invalid: metadata.name: Invalid value: \"My_Svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(failure(() => c.api.create('services', 'default', svc('t', { ports: [{ port: 80, targetPort: '8080' }] }))).status.message).toBe(
      'Service "t" is invalid: spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    );
    expect(failure(() => c.api.create('services', 'default', svc('p', { ports: [{ port: 80, protocol: 'HTTP' }] }))).status.message).toBe(
      'Service "p" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    );
    expect(failure(() => c.api.create('services', 'default', svc('a', { sessionAffinity: 'Sticky', ports: ports80 }))).status.message).toBe(
      'Service "a" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    );
  });

  it('rejects dual-stack requests on this single-stack cluster', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('services', 'default', svc('d', { ipFamilyPolicy: 'RequireDualStack', ports: ports80 }))).status.message).toBe(
      'Service "d" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
    expect(failure(() => c.api.create('services', 'default', svc('d', { ipFamilies: ['IPv6'], ports: ports80 }))).status.message).toBe(
      'Service "d" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    );
  });

  it('releases node ports when the type changes to ClusterIP', () => {
    const c = new Cluster();
    const np = c.api.create('services', 'default', svc('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30123 }] })).object;
    const back = c.api.update('services', 'default', { ...np, spec: { ...np.spec, type: 'ClusterIP' } }).object;
    expect(back.spec.ports[0].nodePort).toBeUndefined();
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
    c.api.create('services', 'default', svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30123 }] }));
  });
});
