/**
 * Monaco, loaded lazily (a dynamic import when the editor pane is first shown or the page is
 * idle): the editor API and only the features and language the lab uses, the YAML worker of
 * monaco-yaml validating against the Kubernetes v1.33 schema. Workers are bundled by Vite
 * (`?worker`). Under an opaque origin (a frame sandboxed without allow-same-origin) no worker
 * can start, not even from a blob URL (tried in Chromium 14x): Monaco then runs its own worker code
 * on the main thread, and so does monaco-yaml's language service (yaml-service-main-thread.ts):
 * schema markers, hover and completion work there too. The syntax markers (yaml-markers.ts) always
 * run on the main thread.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// features/suggest/register brings only inline suggestions: the suggest widget and the snippet
// insertion its items use (`port: ${1:0}`) are separate contributions (editor.main imports them).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/codeAction/register';
// Ctrl+M: Tab moves the focus instead of indenting, the keyboard's way out of the editor.
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { loadDescriptions } from '../../cluster/api/schema.ts';
import { kubernetesSchema } from './k8s-schema.ts';
import { escapeHoverHeading, tidyCompletionItems } from './yaml-service-tidy.ts';
import { mainThreadYamlWorker } from './yaml-service-main-thread.ts';

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/**
 * monaco-yaml 5.5 (through monaco-worker-manager 2) creates its worker with the pre-0.50
 * `createWebWorker({ moduleId, label, createData })`; Monaco 0.57 wants `{ worker }` and its
 * worker bootstrap takes createData from the first message after initialisation. Bridge the two:
 * start the worker ourselves, wake the wrapper with one message, then send createData.
 */
const yamlMonaco = {
  ...monaco,
  languages: {
    ...monaco.languages,
    // The YAML completions and hovers pass through yaml-service-tidy.ts.
    registerHoverProvider(language: string, provider: monaco.languages.HoverProvider) {
      return monaco.languages.registerHoverProvider(language, {
        ...provider,
        async provideHover(...args: Parameters<monaco.languages.HoverProvider['provideHover']>) {
          const hover = await provider.provideHover(...args);
          return hover ? { ...hover, contents: hover.contents.map((c) => ({ ...c, value: escapeHoverHeading(c.value) })) } : hover;
        },
      });
    },
    registerCompletionItemProvider(language: string, provider: monaco.languages.CompletionItemProvider) {
      return monaco.languages.registerCompletionItemProvider(language, {
        ...provider,
        async provideCompletionItems(...args: Parameters<monaco.languages.CompletionItemProvider['provideCompletionItems']>) {
          const list = await provider.provideCompletionItems(...args);
          return list ? { ...list, suggestions: tidyCompletionItems(list.suggestions) } : list;
        },
      });
    },
  },
  editor: {
    ...monaco.editor,
    createWebWorker(opts: { label?: string; createData?: unknown; worker?: unknown }) {
      if (opts.worker) return monaco.editor.createWebWorker(opts as never);
      if (!workersAvailable) return mainThreadYamlWorker(monaco, opts.createData);
      const worker = new YamlWorker();
      worker.postMessage('init');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ ...opts, worker } as never);
    },
  },
};

/** `origin` is the string 'null' for an opaque origin. */
export const workersAvailable = typeof Worker !== 'undefined' && globalThis.origin !== 'null';

const descriptions = await loadDescriptions().catch(() => undefined);
configureMonacoYaml(yamlMonaco as unknown as typeof monaco, {
  enableSchemaRequest: false,
  hover: true,
  // The field's own heading (`ports <[]ServicePort>`) says enough; no "Source:" link to the schema.
  hoverSchemaSource: false,
  completion: true,
  validate: true,
  schemas: [{ uri: 'https://kubelab.invalid/kubernetes-1.33.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: kubernetesSchema(descriptions) as never }],
});

// Monaco's own line numbers and numbers in YAML fall just short of WCAG AA (4.5:1) on these
// backgrounds (axe-core in test/e2e/a11y.test.ts): darker/lighter shades that pass.
monaco.editor.defineTheme('kubelab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#1e1e2e', 'editorLineNumber.foreground': '#9399b2', 'editorLineNumber.dimmedForeground': '#9399b2' },
});
monaco.editor.defineTheme('kubelab-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'number', foreground: '067148' }],
  colors: { 'editor.background': '#fbfbfd', 'editorLineNumber.foreground': '#237893', 'editorLineNumber.dimmedForeground': '#6e7387' },
});

export { monaco };
export { yamlSyntaxMarkers } from './yaml-markers.ts';
