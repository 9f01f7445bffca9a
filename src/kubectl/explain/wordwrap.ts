/**
 * github.com/mitchellh/go-wordwrap v1.0.1 `WrapString`, which kubectl's explain templates use
 * through `wrap` (k8s.io/kubectl/pkg/util/term NewWordWrapWriter): breaks at white space only, never
 * inside a word, so a long URL overflows its line; existing newlines are kept; the space at a break
 * is dropped. Widths count characters (runes); a no-break space is not a space.
 */
const NBSP = '\u00a0';

/** Go's unicode.IsSpace. */
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || c === NBSP || /^[\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
        word = '';
        wordLen = 0;
      }
      space = '';
      spaceLen = 0;
      out += c;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
