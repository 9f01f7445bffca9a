/**
 * A tiny Markdown renderer for step texts, hints and explanations: headings, paragraphs, lists,
 * fenced code, inline code, bold, italics and http(s) links. `markdownParts` keeps the fenced code
 * blocks apart, so the lesson panel can give them "run" and "copy" buttons. Every character of the input is
 * HTML-escaped before any markup is added, so lesson text cannot inject HTML or scripts and no
 * sanitiser library is needed (a few hundred bytes instead of marked + DOMPurify).
 */
function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One line of Markdown (code spans, bold, italics, links) as HTML, without a paragraph around it. */
export function renderInline(s: string): string {
  return inline(s);
}

function inline(s: string): string {
  // Code spans first, so their content is not formatted.
  const parts = s.split(/(`[^`]+`)/);
  return parts
    .map((p) => {
      if (/^`[^`]+`$/.test(p)) return `<code>${escape(p.slice(1, -1))}</code>`;
      let t = escape(p);
      t = t.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      t = t.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
      t = t.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, text: string, url: string) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${text}</a>`);
      return t;
    })
    .join('');
}

/** A piece of rendered Markdown: HTML, or a fenced code block the page gives buttons to. */
export type MarkdownPart = { html: string } | { code: string; lang: string; info: string };

/**
 * What a code block is for: `shell` blocks (```sh) get "run" and "copy", `yaml` blocks (```yaml,
 * optionally followed by a file name) "copy" and "open in the editor", anything else (```text,
 * kubectl output) is only shown.
 */
export function codeBlockKind(lang: string): 'shell' | 'yaml' | 'text' {
  if (/^(sh|shell|bash|console)$/i.test(lang)) return 'shell';
  if (/^ya?ml$/i.test(lang)) return 'yaml';
  return 'text';
}

/**
 * Words a learner must replace before running a command: POD-NAME (capitals joined by hyphens)
 * or a Korean word such as 파드이름. A line holding one is typed but not run.
 */
export function hasPlaceholder(line: string): boolean {
  return /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/.test(line) || /[\u3131-\u318e\uac00-\ud7a3]/.test(line);
}

/** The Markdown as HTML, with fenced code blocks left as parts of their own. */
export function markdownParts(md: string): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  const html: string[] = [];
  const push = () => {
    if (html.length) parts.push({ html: html.join('\n') });
    html.length = 0;
  };
  render(md, html, (code, lang, info) => {
    push();
    parts.push({ code, lang, info });
  });
  push();
  return parts;
}

export function renderMarkdown(md: string): string {
  const out: string[] = [];
  render(md, out, (code, lang) => out.push(`<pre><code${lang ? ` class="language-${escape(lang)}"` : ''}>${escape(code)}</code></pre>`));
  return out.join('\n');
}

function render(md: string, out: string[], codeBlock: (code: string, lang: string, info: string) => void): void {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^```\s*([\w-]*)\s*(.*?)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^```\s*$/.test(lines[i])) code.push(lines[i]);
      codeBlock(code.join('\n'), fence[1], fence[2]);
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (para.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]);
    } else if (line.trim() === '') flush();
    else if (list && /^\s+/.test(line)) list.items[list.items.length - 1] += ' ' + line.trim();
    else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
}
