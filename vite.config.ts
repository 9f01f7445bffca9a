import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

// A relative base so the built site works from any sub-path (GitHub Pages, a school server).
export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte()],
  resolve: {
    // monaco-yaml's worker imports `monaco-editor/esm/vs/...`, which monaco-editor 0.57's
    // export map (`./*` → `./esm/vs/*.js`) does not serve: point it at the files.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
