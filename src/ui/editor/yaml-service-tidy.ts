/**
 * Tidying of what yaml-language-server (in monaco-yaml's worker) answers for the Kubernetes
 * schema, before Monaco shows it: completion items and hovers.
 *
 * Completion: the schema picks a kind's fields with one `if` per kind (k8s-schema.ts); the
 * language server gathers a property's values from every such branch, so
 * the `apiVersion` item offered `${1|apps/v1,...,v1,v1,v1,v1,...|}`, `v1` once per core kind.
 * Here a snippet choice lists each value once, in the order first seen. And the item that writes
 * `apiVersion:` and `kind:` with no values goes: each kind's item writes them with values.
 */

import { GENERIC_OBJECT_TITLE } from './k8s-schema.ts';

/** The part of a completion item this module reads and rewrites (LSP and Monaco items both have it). */
export interface CompletionItemText {
  label: string | { label: string };
  insertText?: string;
}

/** `${1|a,b,a|}` → `${1|a,b|}`. Snippet choices escape `,`, `|` and `\` with a backslash. */
export function dedupeSnippetChoices(snippet: string): string {
  return snippet.replace(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g, (_all, index: string, body: string) => {
    const choices: string[] = [];
    let current = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length) {
        current += c + body[++i];
      } else if (c === ',') {
        choices.push(current);
        current = '';
      } else {
        current += c;
      }
    }
    choices.push(current);
    return `\${${index}|${[...new Set(choices)].join(',')}|}`;
  });
}

export function tidyCompletionItems<T extends CompletionItemText>(items: readonly T[]): T[] {
  const label = (item: T) => (typeof item.label === 'string' ? item.label : item.label.label);
  return items.filter((item) => label(item) !== GENERIC_OBJECT_TITLE).map((item) => (item.insertText?.includes('|') ? { ...item, insertText: dedupeSnippetChoices(item.insertText) } : item));
}

/**
 * Hover: the heading is the field's title, `ports <[]ServicePort>` as kubectl explain writes it.
 * The language server escapes Markdown in it but not `<`, and Monaco's Markdown renderer drops
 * `<string>` as an unknown HTML tag: escape the angle brackets of the heading line.
 */
export function escapeHoverHeading(markdown: string): string {
  return markdown.replace(/^(#### )(.*)$/m, (_all, hashes: string, heading: string) => hashes + heading.replace(/[<>]/g, '\\$&'));
}
