/**
 * The course in the page. Only lessons/course.json is bundled eagerly (a few hundred bytes);
 * each lesson's files are separate lazy chunks that Vite emits from `import.meta.glob`, read and
 * parsed when the lesson opens. Usage in src/ui:
 *
 *   import { COURSE, openLesson } from '../lessons/catalog.ts';
 *   const lesson = await openLesson(COURSE.lessons[0].id);
 *   const session = await LessonSession.start(lesson, { step: 0 });
 *
 * Node code (CLI, tests) reads lessons from disk instead: src/cli/lesson-check.ts `diskSource`.
 */
import course from '../../lessons/course.json';
import { loadLesson } from './load.ts';
import type { CourseIndex, Lesson } from './types.ts';

export const COURSE: CourseIndex = course as CourseIndex;

type Loader = () => Promise<string>;
// Vite turns this into one lazy module per file; nothing is fetched until a loader is called.
const FILES = (import.meta as unknown as { glob(p: string[], o: object): Record<string, Loader> }).glob(
  ['../../lessons/*/**/*.yaml', '../../lessons/*/**/*.md'],
  { query: '?raw', import: 'default' },
);

const cache = new Map<string, Promise<Lesson>>();

export function openLesson(id: string): Promise<Lesson> {
  let p = cache.get(id);
  if (!p) {
    const prefix = `../../lessons/${id}/`;
    // Every file of the lesson is asked for at once: loadLesson reads them one after another,
    // and each is a separate small chunk, so reading them lazily cost one round trip per file
    // (a dozen in series on the page's critical path to a ready lab).
    const files = new Map<string, Promise<string>>();
    for (const [key, load] of Object.entries(FILES)) {
      if (!key.startsWith(prefix)) continue;
      const file = load();
      file.catch(() => {}); // a failure surfaces when loadLesson reads the file, not here
      files.set(key.slice(prefix.length), file);
    }
    p = loadLesson(id, { read: async (path) => files.get(path) });
    cache.set(id, p);
  }
  return p;
}
