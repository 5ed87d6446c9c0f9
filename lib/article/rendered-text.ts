// The one place where rendered-text quirks are decided, for both sides of anchoring: the article
// text extracted from HTML (lib/article/from-html.ts, on a parsed copy of the page) and the live
// text index the content script builds. Both must fold the same characters the same way, or
// exact matching fails and every sentence falls back to fuzzy matching.

/** Elements whose text is never part of what a reader sees as the article. */
export const SKIPPED_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT',
  'EMBED', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE', 'PARALLAX-TOOLTIP',
]);

/** Elements that end a paragraph of running text. */
export const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Invisible characters that pages sprinkle inside words (soft hyphens, zero-width joiners). */
export function isInvisibleChar(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0xfeff || code === 0x2060;
}

/** Whitespace as rendered: every run collapses to one space (includes no-break spaces). */
export function isCollapsibleSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0xa0 ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000
  );
}

/** Collapses whitespace and drops invisible characters, as the live index does. */
export function renderedText(raw: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isInvisibleChar(code)) continue;
    if (isCollapsibleSpace(code)) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += raw[i];
  }
  return out;
}

/** Tag name in upper case for HTML and foreign (SVG/MathML) elements alike. */
export function tagOf(element: { readonly tagName: string }): string {
  return element.tagName.toUpperCase();
}
