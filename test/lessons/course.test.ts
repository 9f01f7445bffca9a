/**
 * Every lesson of the course: valid against the schema, complete in every language, and its
 * solutions replayed headlessly: each step's checks fail in its starting state and pass after
 * its solution (up to the first step needing a kubectl feature not landed yet, see support.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/cli/lesson-check.ts';
import { verifyLesson } from '../../src/lessons/verify.ts';
import { LANGUAGES } from '../../src/lessons/types.ts';
import { courseIndex, LESSONS_DIR, lessonFolders, loadFromDisk, missingFeatures } from './support.ts';

describe('the course', () => {
  it('course.json lists every lesson folder, with titles matching each lesson.yaml', async () => {
    const index = courseIndex();
    expect(index.lessons.map((l) => l.id)).toEqual(lessonFolders());
    for (const entry of index.lessons) {
      const lesson = await loadFromDisk(entry.id);
      expect(lesson.id).toBe(entry.id);
      expect(lesson.title).toEqual(entry.title);
    }
  });

  for (const id of lessonFolders()) {
    describe(id, () => {
      it('lesson.yaml is valid against lessons/lesson.schema.json', () => {
        expect(schemaProblems(readFileSync(join(LESSONS_DIR, id, 'lesson.yaml'), 'utf8'))).toEqual([]);
      });

      it('has every text in every language', async () => {
        const lesson = await loadFromDisk(id); // throws on a missing text
        for (const step of lesson.steps)
          for (const lang of LANGUAGES) {
            expect(step.text[lang].trim().length, `${step.id} ${lang}`).toBeGreaterThan(0);
            expect(step.explain[lang].trim().length).toBeGreaterThan(0);
          }
      });

      it("replays: each step's checks fail before its solution and pass after", async () => {
        const lesson = await loadFromDisk(id);
        const missing = await missingFeatures();
        const result = await verifyLesson(lesson, { stopAt: (cmd) => missing.some((re) => re.test(cmd)) });
        for (const s of result.steps) {
          expect(s.problems, `${s.stepId}\n${s.transcript}`).toEqual([]);
          expect(s.before.passed).toBe(false);
          expect(s.after.passed).toBe(true);
        }
        if (result.stoppedAt) {
          // Never stop at the first step: the lesson must be exercised.
          expect(result.stoppedAt.stepIndex).toBeGreaterThan(0);
          console.info(`${id}: replay stops before step ${result.stoppedAt.stepIndex + 1} (needs: ${result.stoppedAt.command})`);
        } else expect(result.steps.length).toBe(lesson.steps.length);
      });
    });
  }
});
