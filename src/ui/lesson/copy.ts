/**
 * Copying a code block. The Async Clipboard API is blocked in cross-origin iframes (Notion) by
 * the `clipboard-write` permissions policy, while `document.execCommand('copy')` on a selection
 * is not gated (/work/shared/reference/embedding.md §3). So: select the block's text, try
 * execCommand, then the Clipboard API; if both fail, leave the text selected for Ctrl+C.
 */
export async function copyElementText(el: HTMLElement): Promise<'copied' | 'selected'> {
  const selection = getSelection();
  const range = document.createRange();
  range.selectNodeContents(el);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  if (!ok && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(el.textContent ?? '');
      ok = true;
    } catch {
      ok = false;
    }
  }
  if (ok) {
    selection?.removeAllRanges();
    return 'copied';
  }
  return 'selected';
}
