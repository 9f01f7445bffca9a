/** kubectl explain: the word wrapper, the plaintext renderer's template rules, and the command. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openapiV3Document } from '../../src/cluster/api/openapi.ts';
import { RESOURCES } from '../../src/cluster/api/resources.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { renderPlaintext } from '../../src/kubectl/explain/plaintext.ts';
import { wrapString } from '../../src/kubectl/explain/wordwrap.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

async function run(command: string) {
  const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });
  const io = new BufferIO();
  const code = await shell.run(command, io);
  return { out: io.out, err: io.err, code };
}

describe('wrapString (go-wordwrap v1.0.1)', () => {
  it('breaks at spaces, dropping the space at the break', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });
  it('lets a word longer than the line overflow on its own line', () => {
    expect(wrapString('see https://example.com/a/very/long/path now', 10)).toBe('see\nhttps://example.com/a/very/long/path\nnow');
  });
  it('keeps existing newlines and blank lines', () => {
    expect(wrapString('one\n\ntwo three', 5)).toBe('one\n\ntwo\nthree');
  });
  it('never loses a word, and lines only overflow for words longer than the limit', () => {
    const word = fc.stringMatching(/^[a-z]{1,15}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 5, max: 80 }), (words, limit) => {
        const wrapped = wrapString(words.join(' '), limit);
        expect(wrapped.split(/\s+/)).toEqual(words);
        for (const line of wrapped.split('\n')) if (line.length > limit) expect(line).not.toContain(' ');
      }),
    );
  });
});

describe('the plaintext template', () => {
  const doc = {
    paths: { '/api/v1/namespaces/{namespace}/things': { get: { 'x-kubernetes-group-version-kind': { group: '', kind: 'Thing', version: 'v1' } } } },
    components: {
      schemas: {
        'x.Thing': {
          description: 'A thing.',
          properties: {
            mode: { description: 'How.', enum: ['', 'A', 'B', 'C', 'D', 'E'], type: 'string' },
            self: { allOf: [{ $ref: '#/components/schemas/x.Thing' }], description: 'Itself.' },
          },
          required: ['mode'],
          type: 'object',
          'x-kubernetes-group-version-kind': [{ group: '', kind: 'Thing', version: 'v1' }],
        },
      },
    },
  };
  const target = { group: '', version: 'v1', resource: 'things' };

  it('prints enums: four and "...." in a field list, all of them for one field', () => {
    const list = renderPlaintext(doc, target, [], false);
    expect(list).toContain('  mode\t<string> -required-\n  enum: "", A, B, C, ....\n    How.\n\n');
    const one = renderPlaintext(doc, target, ['mode'], false);
    expect(one).toContain('FIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n    E\n\nDESCRIPTION:\n    How.\n');
  });

  it('stops --recursive at a $ref cycle', () => {
    expect(renderPlaintext(doc, target, [], true)).toBe('KIND:       Thing\nVERSION:    v1\n\nDESCRIPTION:\n    A thing.\n    \nFIELDS:\n  mode\t<string> -required-\n  enum: "", A, B, C, ....\n  self\t<Thing>\n    mode\t<string> -required-\n    enum: "", A, B, C, ....\n    self\t<Thing>\n\n');
  });
});

describe('the OpenAPI v3 document', () => {
  it('has every served kind of a group-version, with its group-version-kind', async () => {
    const doc = (await openapiV3Document(RESOURCES, 'api/v1')) as { components: { schemas: Record<string, { 'x-kubernetes-group-version-kind'?: unknown }> } };
    const kinds = Object.values(doc.components.schemas).flatMap((s) => (s['x-kubernetes-group-version-kind'] as { kind: string }[] | undefined) ?? []);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['ConfigMap', 'Endpoints', 'Event', 'Namespace', 'Node', 'Pod', 'ReplicationController', 'Secret', 'Service', 'ServiceAccount']);
    expect(await openapiV3Document(RESOURCES, 'apis/nope/v1')).toBeUndefined();
  });
});

describe('kubectl explain', () => {
  it('explains a field through an alias, its type and its type\'s description', async () => {
    const r = await run('kubectl explain svc.spec');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('KIND:       Service\nVERSION:    v1\n\nFIELD: spec <ServiceSpec>\n\n\nDESCRIPTION:\n    Spec defines the behavior of a service.\n')).toBe(true);
    expect(r.out).toContain('\n    ServiceSpec describes the attributes that a user creates on a service.\n    \nFIELDS:\n  allocateLoadBalancerNodePorts\t<boolean>\n');
  });

  it('prints GROUP for a grouped kind, and accepts resource.group prefixes', async () => {
    const r = await run('kubectl explain deployments.apps.spec.replicas');
    expect(r.out).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    );
  });

  it('prints the header before a missing field error, naming the last field of the path', async () => {
    expect(await run('kubectl explain svc.spec.bogus.more')).toEqual({ out: 'KIND:       Service\nVERSION:    v1\n\n', err: 'error: field "more" does not exist\n', code: 1 });
  });

  it('reports unknown resources without the error: prefix, as the RESTMapper error reaches the terminal', async () => {
    expect(await run('kubectl explain widgets.spec')).toEqual({ out: '', err: 'the server doesn\'t have a resource type "widgets"\n', code: 1 });
  });

  it('rejects an unknown --output after finding the document', async () => {
    expect((await run('kubectl explain svc --output=json')).err).toBe('error: unrecognized format: json\n');
    expect((await run('kubectl explain svc --api-version=apps/v9 --output=json')).err).toBe('error: couldn\'t find resource for "apps/v9, Resource=services"\n');
  });
});
