/** Step texts' code blocks: kept apart for their buttons, sorted by kind, placeholders found. */
import { describe, expect, it } from 'vitest';
import { codeBlockKind, hasPlaceholder, markdownParts } from '../../src/lessons/markdown.ts';
import { loadFromDisk, lessonFolders } from './support.ts';
import { LANGUAGES } from '../../src/lessons/types.ts';

describe('markdownParts', () => {
  it('splits HTML and code blocks, keeping language and file name, escaping nothing in code', () => {
    const parts = markdownParts('Look:\n\n```sh\nkubectl get svc <x>\n```\n\nThen **this**.\n\n```yaml web.yaml\nkind: Service\n```');
    expect(parts).toEqual([
      { html: '<p>Look:</p>' },
      { code: 'kubectl get svc <x>', lang: 'sh', info: '' },
      { html: '<p>Then <strong>this</strong>.</p>' },
      { code: 'kind: Service', lang: 'yaml', info: 'web.yaml' },
    ]);
  });

  it('sorts code blocks into shell, yaml and output', () => {
    expect(['sh', 'bash', 'shell', 'console', 'yaml', 'yml', 'text', ''].map(codeBlockKind)).toEqual(['shell', 'shell', 'shell', 'shell', 'yaml', 'yaml', 'text', 'text']);
  });

  it('finds the words a learner must replace', () => {
    expect(hasPlaceholder('kubectl exec POD-NAME -- env')).toBe(true);
    expect(hasPlaceholder('kubectl exec 파드이름 -- env')).toBe(true);
    expect(hasPlaceholder('kubectl exec client -- env | grep EXTERNAL_SERVICE')).toBe(false);
    expect(hasPlaceholder("kubectl patch svc x -p '{\"spec\":{\"selector\":null}}'")).toBe(false);
    expect(hasPlaceholder('kubectl get pods -o wide')).toBe(false);
  });

  it('every code block of the course is marked: commands as sh, output as text', async () => {
    for (const id of lessonFolders()) {
      const lesson = await loadFromDisk(id);
      for (const step of lesson.steps)
        for (const lang of LANGUAGES)
          for (const part of markdownParts(step.text[lang])) {
            if (!('code' in part)) continue;
            expect(part.lang, `${id} ${step.id} ${lang}: ${part.code}`).toMatch(/^(sh|text|yaml)$/);
            if (part.lang === 'sh') for (const line of part.code.split('\n')) expect(line, `${id} ${step.id} ${lang}`).toMatch(/^(kubectl|cat|echo|sleep) /);
            if (part.lang === 'text') expect(part.code).not.toMatch(/^kubectl /m);
          }
    }
  });
});
