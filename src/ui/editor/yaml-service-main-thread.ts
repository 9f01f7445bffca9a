/**
 * monaco-yaml's language service on the page's own thread, for where no worker can start (a frame
 * sandboxed without allow-same-origin: an opaque origin). monaco-yaml's worker module registers its
 * service through `initialize()` of monaco-worker-manager/worker; in the page's build (not the
 * worker's) vite.config.ts points that import here, so importing the worker module only hands
 * over the service's factory. monaco.ts then gives monaco-yaml a stand-in for the web worker
 * whose proxy is the service itself, reading Monaco's models directly.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

interface MirrorModel {
  uri: string;
  version: number;
  getValue(): string;
}
type ServiceFactory = (ctx: { getMirrorModels(): MirrorModel[] }, createData: unknown) => object;

let factory: ServiceFactory | undefined;

/** Stands in for monaco-worker-manager/worker's `initialize` in the page's build. */
export function initialize(fn: ServiceFactory): void {
  factory = fn;
}

/**
 * What monaco-yaml's worker manager expects from `monaco.editor.createWebWorker()` (returned at
 * once; the service behind it comes with the first request), served on this thread.
 */
export function mainThreadYamlWorker(monaco: typeof Monaco, createData: unknown): { getProxy(): Promise<object>; withSyncedResources(): Promise<object>; dispose(): void } {
  let service: Promise<object> | undefined;
  const start = () =>
    (service ??= import('monaco-yaml/yaml.worker.js').then(() => {
      if (!factory) throw new Error('monaco-yaml did not register its language service');
      const models = () => monaco.editor.getModels().map((m) => ({ uri: String(m.uri), version: m.getVersionId(), getValue: () => m.getValue() }));
      return factory({ getMirrorModels: models }, createData);
    }));
  return { getProxy: start, withSyncedResources: start, dispose() {} };
}
