/**
 * Loading a lesson folder: lesson.yaml plus the Markdown step texts and manifest files it names.
 * Files come through a `LessonSource` (Vite's `import.meta.glob` in the page, the disk in the CLI
 * and tests), so the loader runs anywhere. Nothing loaded is ever run: YAML is data.
 *
 * lesson.yaml shape (lessons/README.md, lessons/lesson.schema.json):
 *   id, title{ko,en}, seed, setup{manifests[], settleSeconds, files{name: path}},
 *   steps[]{id, title, text (path stem: `<stem>.ko.md`), file?, checks[], hints[], solution[], explain}
 */
import { load } from 'js-yaml';
import { LANGUAGES, type Lesson, type Localized, type OutsideHost, type SolutionAction, type Step } from './types.ts';

/** Reads a file of one lesson folder by its path relative to the folder. */
export interface LessonSource {
  read(path: string): Promise<string | undefined>;
}

export class LessonError extends Error {
  constructor(
    readonly lessonId: string,
    readonly problems: string[],
  ) {
    super(`lesson ${lessonId}:\n  ${problems.join('\n  ')}`);
  }
}

/** lesson.yaml as written, before texts and files are read in. */
export interface LessonFile {
  id: string;
  title: Localized;
  seed?: number;
  setup?: { manifests?: string[]; settleSeconds?: number; files?: Record<string, string>; outside?: OutsideHost[] };
  steps: {
    id: string;
    title: Localized;
    text: string;
    file?: string;
    checks: Step['checks'];
    hints?: Localized[];
    solution: ({ run: string; exitCode?: number } | { write: string; content?: string; from?: string })[];
    explain: Localized;
  }[];
}

export async function loadLesson(folder: string, source: LessonSource): Promise<Lesson> {
  const problems: string[] = [];
  const yamlText = await source.read('lesson.yaml');
  if (yamlText === undefined) throw new LessonError(folder, ['lesson.yaml is missing']);
  let raw: LessonFile;
  try {
    raw = load(yamlText) as LessonFile;
  } catch (e) {
    throw new LessonError(folder, [`lesson.yaml: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.steps)) throw new LessonError(folder, ['lesson.yaml must have id, title and steps']);
  const need = async (path: string): Promise<string> => {
    const t = await source.read(path);
    if (t === undefined) {
      problems.push(`missing file ${path}`);
      return '';
    }
    return t;
  };
  const localized = (v: Localized | undefined, where: string): Localized => {
    for (const lang of LANGUAGES) if (typeof v?.[lang] !== 'string' || v[lang].trim() === '') problems.push(`${where}: no ${lang} text`);
    return { ko: v?.ko ?? '', en: v?.en ?? '' };
  };
  const manifests = await Promise.all((raw.setup?.manifests ?? []).map(async (path) => ({ path, text: await need(path) })));
  const files: Record<string, string> = {};
  for (const [name, path] of Object.entries(raw.setup?.files ?? {})) files[name] = await need(path);
  const steps: Step[] = [];
  const ids = new Set<string>();
  for (const [i, s] of raw.steps.entries()) {
    const where = `step ${i + 1} (${s.id})`;
    if (ids.has(s.id)) problems.push(`${where}: duplicate step id`);
    ids.add(s.id);
    const text = {} as Localized;
    for (const lang of LANGUAGES) {
      text[lang] = await need(`${s.text}.${lang}.md`);
      if (text[lang] !== '' && text[lang].trim() === '') problems.push(`${where}: ${s.text}.${lang}.md is empty`);
    }
    const solution: SolutionAction[] = [];
    for (const a of s.solution ?? []) {
      if ('run' in a) solution.push(a.exitCode === undefined ? { run: a.run } : { run: a.run, exitCode: a.exitCode });
      else solution.push({ write: a.write, content: a.content ?? (a.from ? await need(a.from) : '') });
    }
    if (!Array.isArray(s.checks) || s.checks.length === 0) problems.push(`${where}: no checks`);
    steps.push({
      id: s.id,
      title: localized(s.title, `${where} title`),
      text,
      file: s.file,
      checks: s.checks ?? [],
      hints: (s.hints ?? []).map((h, k) => localized(h, `${where} hint ${k + 1}`)),
      solution,
      explain: localized(s.explain, `${where} explain`),
    });
  }
  const lesson: Lesson = {
    id: raw.id,
    title: localized(raw.title, 'title'),
    seed: raw.seed ?? 1,
    setup: { manifests, settleSeconds: raw.setup?.settleSeconds ?? 0, files, outside: raw.setup?.outside ?? [] },
    steps,
  };
  if (problems.length) throw new LessonError(folder, problems);
  return lesson;
}
