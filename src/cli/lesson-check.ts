/**
 * `npm run -s kubelab -- lesson check [DIR]`: validate lessons the way the page will use them.
 * DIR is one lesson folder or the lessons folder (default: ./lessons, every lesson in
 * course.json). For each lesson: lesson.yaml against lessons/lesson.schema.json, every text in
 * every language, then a headless replay: each step's checks must fail in its starting state and
 * pass after its solution. Prints one line per problem; exits 1 if there is any.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { loadLesson, LessonError, type LessonSource } from '../lessons/load.ts';
import { verifyLesson } from '../lessons/verify.ts';

export function diskSource(folder: string): LessonSource {
  return {
    async read(path) {
      const p = join(folder, path);
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    },
  };
}

const SCHEMA_PATH = resolve(import.meta.dirname, '../../lessons/lesson.schema.json');

/** Schema problems of one lesson.yaml, as `path: message` lines. */
export function schemaProblems(yamlText: string): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  let doc: unknown;
  try {
    doc = load(yamlText);
  } catch (e) {
    return [`lesson.yaml: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `lesson.yaml${e.instancePath || ''}: ${e.message ?? 'invalid'}`);
}

export async function checkLessonFolder(folder: string): Promise<string[]> {
  const problems: string[] = [];
  const yamlPath = join(folder, 'lesson.yaml');
  if (!existsSync(yamlPath)) return [`${folder}: no lesson.yaml`];
  const schema = schemaProblems(readFileSync(yamlPath, 'utf8'));
  if (schema.length) return schema;
  let lesson;
  try {
    lesson = await loadLesson(basename(folder), diskSource(folder));
  } catch (e) {
    if (e instanceof LessonError) return e.problems;
    throw e;
  }
  if (lesson.id !== basename(resolve(folder))) problems.push(`id ${lesson.id} differs from the folder name ${basename(resolve(folder))}`);
  const { steps } = await verifyLesson(lesson);
  for (const s of steps) problems.push(...s.problems);
  return problems;
}

export async function lessonCheckMain(argv: string[]): Promise<number> {
  const target = resolve(argv[0] ?? 'lessons');
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    process.stderr.write(`error: ${target} is not a directory\n`);
    return 2;
  }
  let folders: string[];
  const coursePath = join(target, 'course.json');
  if (existsSync(join(target, 'lesson.yaml'))) folders = [target];
  else if (existsSync(coursePath)) {
    const course = JSON.parse(readFileSync(coursePath, 'utf8')) as { lessons: { id: string; title: Record<string, string> }[] };
    folders = course.lessons.map((l) => join(target, l.id));
    for (const l of course.lessons) if (!l.title?.ko || !l.title?.en) process.stdout.write(`course.json: ${l.id}: title needs ko and en\n`);
  } else {
    process.stderr.write(`error: ${target} has neither lesson.yaml nor course.json\n`);
    return 2;
  }
  let bad = 0;
  for (const folder of folders) {
    const problems = await checkLessonFolder(folder);
    const name = basename(folder);
    if (problems.length === 0) process.stdout.write(`ok   ${name}\n`);
    else {
      bad++;
      process.stdout.write(`FAIL ${name}\n${problems.map((p) => `  ${p}\n`).join('')}`);
    }
  }
  return bad === 0 ? 0 : 1;
}
