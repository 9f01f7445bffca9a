import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

// precache.json: every built file under assets/, for static/sw.js to cache after the first visit
// (the worker cannot list the folder, and lazily loaded chunks such as the editor's would
// otherwise be missing offline when the first visit never opened them).
function precacheList(): Plugin {
  return {
    name: 'kubelab-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/')).sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

// In the page's build only (worker bundles do not run these plugins), monaco-yaml's worker module
// registers its language service with src/ui/editor/yaml-service-main-thread.ts instead of
// starting a worker server: the editor's fallback where no worker can start (an opaque origin).
function yamlServiceOnMainThread(): Plugin {
  const shim = fileURLToPath(new URL('./src/ui/editor/yaml-service-main-thread.ts', import.meta.url));
  return {
    name: 'kubelab-yaml-service-main-thread',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'monaco-worker-manager/worker' && importer?.includes('/monaco-yaml/')) return shim;
      return null;
    },
  };
}

// A relative base so the built site works from any sub-path (GitHub Pages, a school server).
export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte(), precacheList(), yamlServiceOnMainThread()],
  resolve: {
    // monaco-yaml's worker imports `monaco-editor/esm/vs/...`, which monaco-editor 0.57's
    // export map (`./*` → `./esm/vs/*.js`) does not serve: point it at the files.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
