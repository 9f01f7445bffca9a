/** Unit tests of the describe building blocks: tabwriter use, events, quantities, labels. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DescribeWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels, writeTolerations } from '../../src/kubectl/describe/common.ts';
import { camelSplit, smartLabel } from '../../src/kubectl/describe/generic.ts';
import { addQuantity, formatQuantity, parseQuantity } from '../../src/kubectl/describe/quantity.ts';
import { formatSliceEndpoints } from '../../src/kubectl/describe/service.ts';
import type { EndpointSlice, KubeObject } from '../../src/cluster/api/types.ts';

const NOW = Date.parse('2026-11-26T04:18:43Z');

function ev(fields: Partial<KubeObject>): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, ...fields } as KubeObject;
}

describe('DescribeEvents', () => {
  it('prints <none> aligned with the rest of the output', () => {
    const w = new DescribeWriter();
    w.line(0, 'Name:\tkuba');
    w.line(0, 'Internal Traffic Policy:\tCluster');
    writeEvents(w, [], NOW);
    expect(w.toString()).toBe('Name:                     kuba\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n');
  });

  it('sorts by lastTimestamp, formats counts and new-API series, trims messages', () => {
    const w = new DescribeWriter();
    writeEvents(
      w,
      [
        ev({ type: 'Normal', reason: 'Pulling', count: 2, firstTimestamp: '2026-11-26T03:53:43Z', lastTimestamp: '2026-11-26T04:06:43Z', source: { component: 'kubelet', host: 'node1' }, message: 'Pulling image "luksa/kubia"' }),
        ev({ type: 'Normal', reason: 'Scheduled', count: 1, firstTimestamp: '2026-11-26T03:53:43Z', lastTimestamp: '2026-11-26T03:53:43Z', source: { component: 'default-scheduler' }, message: 'Successfully assigned default/kubia-x6b4q to node1 \n' }),
        ev({ type: 'Warning', reason: 'FailedScheduling', eventTime: '2026-11-26T04:08:43.000000Z', series: { count: 3, lastObservedTime: '2026-11-26T04:13:39.000000Z' }, reportingComponent: 'default-scheduler', source: {}, message: '0/2 nodes are available' }),
      ],
      NOW,
    );
    expect(w.toString()).toBe(
      [
        'Events:',
        '  Type     Reason            Age                 From               Message',
        '  ----     ------            ----                ----               -------',
        '  Warning  FailedScheduling  5m4s (x3 over 10m)  default-scheduler  0/2 nodes are available',
        '  Normal   Scheduled         25m                 default-scheduler  Successfully assigned default/kubia-x6b4q to node1',
        '  Normal   Pulling           12m (x2 over 25m)   kubelet            Pulling image "luksa/kubia"',
        '',
      ].join('\n'),
    );
  });

  it('keeps server order for ties (insertion sort for short lists)', () => {
    const names = ['a', 'b', 'c', 'd'];
    const w = new DescribeWriter();
    writeEvents(
      w,
      names.map((n) => ev({ type: 'Normal', reason: n, count: 1, firstTimestamp: '2026-11-26T04:00:00Z', lastTimestamp: '2026-11-26T04:00:00Z', source: { component: 'x' }, message: n })),
      NOW,
    );
    const reasons = w.toString().split('\n').slice(3, 7).map((l) => l.trim().split(/\s+/)[1]);
    expect(reasons).toEqual(names);
  });

  it('leaves From padded when the message is empty', () => {
    const w = new DescribeWriter();
    writeEvents(w, [ev({ type: 'Normal', reason: 'Starting', count: 1, firstTimestamp: '2026-11-26T03:38:43Z', lastTimestamp: '2026-11-26T03:38:43Z', source: { component: 'kube-proxy' }, message: '' })], NOW);
    expect(w.toString().split('\n')[3]).toBe('  Normal  Starting  40m   kube-proxy  ');
  });
});

describe('labels, annotations, tolerations', () => {
  it('continues multi-line labels with a tab so they align', () => {
    const w = new DescribeWriter();
    w.line(0, 'Name:\tkubia-jbbjb');
    writeLabels(w, 'Labels', { 'kubernetes.io/service-name': 'kubia', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    writeAnnotations(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(w.toString()).toBe(
      'Name:         kubia-jbbjb\nLabels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io\n              kubernetes.io/service-name=kubia\nAnnotations:  <none>\n',
    );
  });

  it('puts long and multi-line annotation values on their own lines', () => {
    const w = new DescribeWriter();
    writeAnnotations(w, 'Annotations', { a: 'x'.repeat(200), b: 'one\ntwo\n' });
    const lines = w.toString().split('\n');
    expect(lines[0]).toBe('Annotations:  a:');
    expect(lines[1]).toBe(`                ${'x'.repeat(138)}...`);
    expect(lines.slice(2, 5)).toEqual(['              b:', '                one', '                two']);
  });

  it('formats tolerations as kubectl does', () => {
    const w = new DescribeWriter();
    writeTolerations(w, 'Tolerations', [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { operator: 'Exists' },
    ]);
    expect(w.toString()).toBe(
      'Tolerations:  op=Exists\n              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n',
    );
  });

  it('formats times as RFC 1123 with a numeric zone in UTC', () => {
    expect(rfc1123z('2026-11-26T03:53:43Z')).toBe('Thu, 26 Nov 2026 03:53:43 +0000');
  });
});

describe('Quantity', () => {
  it.each([
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['4030172Ki', '4030172Ki'],
    ['1024', '1024'],
    ['1024Ki', '1Mi'],
    ['512Mi', '512Mi'],
    ['1Gi', '1Gi'],
    ['28147453169', '28147453169'],
    ['0', '0'],
    ['2', '2'],
  ])('%s prints as %s', (input, out) => expect(formatQuantity(parseQuantity(input))).toBe(out));

  it('adds keeping the first format', () => {
    expect(formatQuantity(addQuantity(parseQuantity('50Mi'), parseQuantity('20Mi')))).toBe('70Mi');
    expect(formatQuantity(addQuantity(parseQuantity('100m'), parseQuantity('900m')))).toBe('1');
  });

  it('round-trips canonical decimal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (milli) => {
        const s = formatQuantity({ milli, format: 'DecimalSI' });
        expect(parseQuantity(s).milli).toBe(milli);
      }),
    );
  });
});

describe('generic describer labels', () => {
  it('splits camel case like fatih/camelcase and upper-cases acronyms', () => {
    expect(camelSplit('HTTPServer')).toEqual(['HTTP', 'Server']);
    expect(smartLabel('holderIdentity')).toBe('Holder Identity');
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('leaseDurationSeconds')).toBe('Lease Duration Seconds');
    expect(smartLabel('foo.bar')).toBe('foo.bar');
  });
});

describe('formatEndpointSlices', () => {
  const slice = (ready: boolean[], port = 8080, name = ''): EndpointSlice =>
    ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      addressType: 'IPv4',
      ports: [{ name, port, protocol: 'TCP' }],
      endpoints: ready.map((r, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready: r } })),
    }) as EndpointSlice;

  it('lists ready endpoints of the port name, three at most', () => {
    expect(formatSliceEndpoints([slice([true, false, true])], '')).toBe('10.0.0.1:8080,10.0.0.3:8080');
    expect(formatSliceEndpoints([slice([true, true, true, true, true])], '')).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
    expect(formatSliceEndpoints([slice([true], 80, 'http')], '')).toBe('');
    expect(formatSliceEndpoints([], '')).toBe('<none>');
  });
});
