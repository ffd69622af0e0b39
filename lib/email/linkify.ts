/** A run of plain text, or a URL to show as a link; `start` is its offset in the text (a stable key). */
export type TextSegment = ({ text: string } | { url: string }) & { start: number };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
// Punctuation that ends a sentence rather than the URL.
const TRAILING = /[.,;:!?)\]}。，；：！？）」』]+$/u;

/** Splits plain text into text and http(s) URLs, so a page can render the URLs as real links. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = match[0].replace(TRAILING, "");
    if (url.length <= "https://".length) continue;
    if (start > last) segments.push({ text: text.slice(last, start), start: last });
    segments.push({ url, start });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), start: last });
  return segments;
}
