/**
 * Completion, hover and validation from the editor's Kubernetes schema, through the language
 * service that runs in the page: monaco-yaml's worker (yaml-language-server), driven here in
 * Node with Monaco's worker bootstrap replaced by a capture of the service factory.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kubernetesSchema } from '../../src/ui/editor/k8s-schema.ts';
import { dedupeSnippetChoices, escapeHoverHeading, tidyCompletionItems } from '../../src/ui/editor/yaml-service-tidy.ts';
import { loadDescriptions } from '../../src/cluster/api/schema.ts';

type Factory = (ctx: unknown, createData: unknown) => YamlWorker;
interface Item { label: string; insertText?: string; documentation?: string }
interface YamlWorker {
  doComplete(uri: string, pos: { line: number; character: number }): Promise<{ items: Item[] }>;
  doHover(uri: string, pos: { line: number; character: number }): Promise<{ contents: { value: string } } | null>;
  doValidation(uri: string): Promise<{ message: string; range: { start: { line: number; character: number } } }[]>;
}

const captured: { factory?: Factory } = {};
vi.mock('monaco-worker-manager/worker', () => ({ initialize: (f: Factory) => (captured.factory = f) }));

const uri = 'file:///service.yaml';
let text = '';
let version = 0;
let worker: YamlWorker;

beforeAll(async () => {
  await import('monaco-yaml/yaml.worker.js');
  const ctx = { getMirrorModels: () => [{ uri, version, getValue: () => text }] };
  worker = captured.factory!(ctx, {
    enableSchemaRequest: false,
    hover: true,
    hoverSchemaSource: false,
    completion: true,
    validate: true,
    schemas: [{ uri: 'https://kubelab.invalid/kubernetes-1.33.json', fileMatch: ['**/*.yaml'], schema: kubernetesSchema(await loadDescriptions()) }],
  });
});

/** The document with `|` marking the cursor; the language server caches by version. */
function at(doc: string): { line: number; character: number } {
  const i = doc.indexOf('|');
  text = doc.slice(0, i) + doc.slice(i + 1);
  version++;
  const lines = text.slice(0, i).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
async function complete(doc: string): Promise<Item[]> {
  const pos = at(doc);
  return tidyCompletionItems((await worker.doComplete(uri, pos)).items);
}
const labels = (items: Item[]) => items.map((i) => i.label).sort();
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\nspec:\n';

describe('schema completion in the editor', () => {
  it('starts an empty file with a kind: one item per kind writes apiVersion and kind', async () => {
    const items = await complete('|');
    expect(items).toContainEqual(expect.objectContaining({ label: 'Service (v1)', insertText: 'apiVersion: v1\nkind: Service' }));
    expect(items).toContainEqual(expect.objectContaining({ label: 'Endpoints (v1)', insertText: 'apiVersion: v1\nkind: Endpoints' }));
    expect(items).toContainEqual(expect.objectContaining({ label: 'Deployment (apps/v1)', insertText: 'apiVersion: apps/v1\nkind: Deployment' }));
    expect(items.map((i) => i.label)).not.toContain('Kubernetes v1.33 object');
    expect(items.find((i) => i.label === 'kind')?.documentation).toContain('Kind is a string value representing the REST resource');
    // Each apiVersion once in the snippet's choice list.
    expect(items.find((i) => i.label === 'apiVersion')?.insertText).toBe(
      'apiVersion: ${1|apps/v1,coordination.k8s.io/v1,discovery.k8s.io/v1,events.k8s.io/v1,v1|}',
    );
  });

  it("offers a Service's own top-level fields, not ServiceAccount's (kind is a prefix of it)", async () => {
    expect(labels(await complete('apiVersion: v1\nkind: Service\n|'))).toEqual(['metadata', 'spec', 'status']);
    expect(labels(await complete('apiVersion: v1\nkind: ServiceAccount\n|'))).toEqual(
      ['automountServiceAccountToken', 'imagePullSecrets', 'metadata', 'secrets'],
    );
  });

  it('offers the spec fields of a Service and the enum values of type', async () => {
    const spec = labels(await complete(SERVICE + '  |'));
    expect(spec).toEqual(expect.arrayContaining(['type', 'ports', 'selector', 'externalName', 'clusterIP', 'sessionAffinity']));
    expect(spec).not.toContain('subsets');
    expect(labels(await complete(SERVICE + '  type: |'))).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(labels(await complete(SERVICE + '  ports:\n  - port: 80\n    protocol: |'))).toEqual(['SCTP', 'TCP', 'UDP']);
  });

  it('offers the fields of a port, with the snippet for a number', async () => {
    const items = await complete(SERVICE + '  ports:\n  - |');
    expect(labels(items)).toEqual(expect.arrayContaining(['appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort']));
    expect(items.find((i) => i.label === 'port')?.insertText).toBe('port: ${1:0}');
  });

  it('offers the fields of a hand-made Endpoints subset', async () => {
    const doc = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external-service\nsubsets:\n- |';
    expect(labels(await complete(doc))).toEqual(['addresses', 'notReadyAddresses', 'ports']);
    const address = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: x\nsubsets:\n- addresses:\n  - |';
    expect(labels(await complete(address))).toEqual(expect.arrayContaining(['ip', 'hostname', 'nodeName', 'targetRef']));
  });

  it('heads a hover with the field and its type, as kubectl explain writes them', async () => {
    const ports = await worker.doHover(uri, at(SERVICE + '  po|rts:\n  - port: 80\n'));
    expect(ports?.contents.value).toMatch(/^#### ports <\\\[\\\]ServicePort>\n\nThe list of ports that are exposed by this service\./);
    expect(ports?.contents.value).not.toContain('Source:');
    const type = await worker.doHover(uri, at(SERVICE + '  ty|pe: ExternalName\n'));
    expect(type?.contents.value).toMatch(/^#### type <string>\n/);
  });

  it('still flags unknown fields, wrong types and values outside an enum, at their place', async () => {
    at(SERVICE + '  type: Foo\n  bogus: 1\n  ports:\n  - port: "x"\n|');
    const found = (await worker.doValidation(uri)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    expect(found).toEqual([
      '5:8 Value is not accepted. Valid values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".',
      '6:2 Property bogus is not allowed.',
      '8:10 Incorrect type. Expected "integer".',
    ]);
  });
});

describe('escapeHoverHeading', () => {
  it("escapes the heading's angle brackets only", () => {
    expect(escapeHoverHeading('#### type <string>\n\nA <b> text')).toBe('#### type \\<string\\>\n\nA <b> text');
  });
});

describe('dedupeSnippetChoices', () => {
  it('keeps the first of each choice and leaves escapes and other placeholders alone', () => {
    expect(dedupeSnippetChoices('a: ${1|v1,apps/v1,v1|} b: ${2:x}')).toBe('a: ${1|v1,apps/v1|} b: ${2:x}');
    expect(dedupeSnippetChoices('${1|a\\,b,c,a\\,b|}')).toBe('${1|a\\,b,c|}');
    expect(dedupeSnippetChoices('plain | text')).toBe('plain | text');
  });
});
