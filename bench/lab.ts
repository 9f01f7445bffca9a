/**
 * A lesson's starting state as the page builds it (LessonSession.start: the bootstrap, then the
 * lesson's setup manifests and settle time): lesson 1, step 1, the page's default lab. The first
 * call in this fresh process runs cold, as in the page.
 */
import { join } from 'node:path';
import { diskSource } from '../src/cli/lesson-check.ts';
import { LessonSession } from '../src/lessons/engine.ts';
import { loadLesson } from '../src/lessons/load.ts';
import { measure } from './fixtures.ts';

const id = '01-services-and-endpoints';
const lesson = await loadLesson(id, diskSource(join(import.meta.dirname, '../lessons', id)));
const t = performance.now();
await LessonSession.start(lesson, { step: 0 });
console.log(`lesson 1 starting state (cluster + setup), first call in a fresh process: ${(performance.now() - t).toFixed(1)} ms`);
const ms = await measure(20, () => LessonSession.start(lesson, { step: 0 }));
console.log(`lesson 1 starting state (cluster + setup): median ${ms.toFixed(3)} ms`);
