/**
 * Everything heavy the page needs for the lab — the simulated cluster, kubectl, the shell, the
 * lesson engine and content index — in one module the page imports dynamically right after the
 * first paint. The prompt shows before it arrives (input typed meanwhile waits for it), which
 * keeps the initial download small (bench/web.ts measures both).
 */
export { Lab, exportCode, importCode, lessonKey, sandboxKey, CURRENT_KEY, KEY_PREFIX } from './lab.ts';
export { COURSE, openLesson } from '../lessons/catalog.ts';
export { complete, completionSource } from '../kubectl/completion.ts';
export { BUILTINS } from '../shell/builtins.ts';
export { runKubectl } from '../kubectl/kubectl.ts';
// The cluster map needs a cluster, which comes with this chunk: it loads with it.
export { default as MapPane } from './MapPane.svelte';
// The course overview reads every lesson's progress and step titles: it comes with the lessons.
export { default as CourseOverview } from './lesson/CourseOverview.svelte';
