/** Loading the course from disk, and the features other parts of KubeLab have not landed yet. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diskSource } from '../../src/cli/lesson-check.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { loadLesson } from '../../src/lessons/load.ts';
import type { CourseIndex, Lesson } from '../../src/lessons/types.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

export const LESSONS_DIR = resolve(import.meta.dirname, '../../lessons');

export function courseIndex(): CourseIndex {
  return JSON.parse(readFileSync(join(LESSONS_DIR, 'course.json'), 'utf8')) as CourseIndex;
}

export function lessonFolders(): string[] {
  return readdirSync(LESSONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function loadFromDisk(id: string): Promise<Lesson> {
  return loadLesson(id, diskSource(join(LESSONS_DIR, id)));
}

/**
 * Solution commands that need a kubectl feature another helper is still building. The replay
 * stops before the first step using one, but only while the probe command still fails in a fresh
 * cluster: once the feature lands the replay runs through it with no change here.
 */
export const AWAITING: { pattern: RegExp; probe: string }[] = [
  // Empty: every kubectl feature the solutions use is on main, so every step replays.
];

const landed = new Map<string, boolean>();
export async function featureLanded(probe: string): Promise<boolean> {
  if (!landed.has(probe)) {
    const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });
    landed.set(probe, (await shell.run(probe, new BufferIO())) === 0);
  }
  return landed.get(probe)!;
}

/** The AWAITING entries whose feature has not landed. */
export async function missingFeatures(): Promise<RegExp[]> {
  const out: RegExp[] = [];
  for (const a of AWAITING) if (!(await featureLanded(a.probe))) out.push(a.pattern);
  return out;
}
