/** The page's entry point: mount the app. */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './sw-register.ts';

mount(App, { target: document.getElementById('app')! });
registerServiceWorker();
