/** Links to the course overview and to a lesson's sandbox. */
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/ui/route.ts';

describe('course and sandbox routes', () => {
  it('reads and writes #/ko/course and #/ko/<lesson>/sandbox', () => {
    expect(parseHash('#/ko/course')).toEqual({ lang: 'ko', course: true });
    expect(parseHash('#/en/01-services-and-endpoints/sandbox')).toEqual({ lang: 'en', lesson: '01-services-and-endpoints', sandbox: true });
    expect(formatHash({ lang: 'ko', course: true })).toBe('#/ko/course');
    expect(formatHash({ lang: 'en', lesson: '01-services-and-endpoints', sandbox: true, step: 2 })).toBe('#/en/01-services-and-endpoints/sandbox');
    for (const h of ['#/ko/course', '#/en/02-service-without-selector/sandbox', '#/ko/03-adding-and-removing-a-selector/2']) expect(formatHash(parseHash(h))).toBe(h);
  });
});
