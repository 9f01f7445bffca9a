/** Every transcript in test/golden/*.txt, replayed and compared byte for byte. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTranscript, parseTranscript, runTranscript } from '../support/transcript.ts';

const dir = new URL('.', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('golden transcripts', () => {
  it('has transcripts', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const t = parseTranscript(text);
      const outputs = await runTranscript(t.seed, t.steps.map((s) => s.command));
      const actual = formatTranscript(t, outputs);
      if (process.env.UPDATE_GOLDEN) writeFileSync(join(dir, file), actual);
      else expect(actual).toBe(text);
    });
  }
});
