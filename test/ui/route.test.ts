/** Links to lessons and steps, and the embed options. */
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, parseSearch, popOutHref, withoutResume } from '../../src/ui/route.ts';
import { detectLang } from '../../src/ui/i18n.ts';

describe('routes', () => {
  it('reads language, lesson and step from the hash, and writes them back', () => {
    expect(parseHash('#/ko/services-endpoints/3')).toEqual({ lang: 'ko', lesson: 'services-endpoints', step: 3 });
    expect(parseHash('#/en')).toEqual({ lang: 'en' });
    expect(parseHash('#/services-endpoints')).toEqual({ lesson: 'services-endpoints' });
    expect(parseHash('#/ko/x/0')).toEqual({ lang: 'ko', lesson: 'x' });
    expect(parseHash('#/ko/<script>/2')).toEqual({ lang: 'ko' });
    expect(parseHash('')).toEqual({});
    expect(formatHash({ lang: 'ko', lesson: 'services-endpoints', step: 3 })).toBe('#/ko/services-endpoints/3');
  });

  it('reads embed mode and the panes to show', () => {
    expect(parseSearch('?embed=1&panes=terminal,editor,bogus')).toEqual({ embed: true, panes: ['terminal', 'editor'], theme: undefined });
    expect(parseSearch('?theme=dark')).toEqual({ embed: false, panes: undefined, theme: 'dark' });
    expect(parseSearch('?embed=1&debug=embed&resume=ab-C_9')).toEqual({ embed: true, debugEmbed: true, resume: 'ab-C_9' });
    expect(parseSearch('?resume=not%20a%20code').resume).toBeUndefined();
  });

  it('pops out to the same lesson and step without the frame-only options, carrying progress', () => {
    const framed = 'https://lab.example/kubelab/?embed=1&panes=terminal&theme=dark&debug=embed&x=1#/ko/services-endpoints/3';
    expect(popOutHref(framed)).toBe('https://lab.example/kubelab/?x=1#/ko/services-endpoints/3');
    expect(popOutHref('https://lab.example/?embed=1#/en/l/2', 'abc_-1')).toBe('https://lab.example/?resume=abc_-1#/en/l/2');
    expect(withoutResume('https://lab.example/?resume=abc#/en/l/2')).toBe('https://lab.example/#/en/l/2');
  });

  it('picks the interface language from the browser', () => {
    expect(detectLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLang(['en-GB', 'ko'])).toBe('en');
    expect(detectLang(['de-DE'])).toBe('en');
  });
});
