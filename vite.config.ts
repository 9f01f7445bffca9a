import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// A relative base so the built site works from any sub-path (GitHub Pages, a school server).
export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte()],
  build: { target: 'es2022', sourcemap: false },
});
