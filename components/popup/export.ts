// The comparison as a document a reader can keep or share: Markdown for people, JSON for tools.
// Titles, outlets, URLs and sentences come from pages and imported corpora, so in Markdown every
// one is text: escaped so it can open no link, emphasis or raw HTML, and the only live links are
// http(s) addresses written as <...> destinations the text cannot break out of.
import type { AnalysisResult, DiffPart } from '@/lib/result';
import type { PageArticle } from '@/lib/messages';
import { coveringArticles, sameFactPassages, storyHeader } from './derive';
import { FRAMING_LABEL_NAMES, formatDateRange, outletName, plural } from './labels';
import { relatedTimeline } from './timeline';

// Characters that start Markdown or HTML syntax anywhere in a line (links, images, emphasis,
// code, raw HTML and entities, strikethrough, table cells); line-start syntax cannot occur because
// whitespace, newlines included, is collapsed and no text starts a line.
const MARKDOWN_SYNTAX = /[\\`*_[\]<>&~|]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text that renders as itself in Markdown: one line, syntax characters escaped. */
export function markdownText(s: string): string {
  return s.replace(CONTROLS, '').replace(/\s+/g, ' ').trim().replace(MARKDOWN_SYNTAX, '\\$&');
}

/** A run of words escaped like markdownText, its spaces left for the caller to collapse. */
const markdownWords = (s: string) => s.replace(CONTROLS, '').replace(MARKDOWN_SYNTAX, '\\$&');

/** An http(s) URL as a link destination (<...>, its < > and spaces percent-encoded); null for any other scheme. */
function webDestination(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `<${parsed.href}>` : null;
  } catch {
    return null;
  }
}

/** A link when the URL is http(s), else the text alone (and the URL, if any, as text). */
function markdownLink(text: string, url: string | null | undefined): string {
  const destination = webDestination(url);
  if (destination) return `[${markdownText(text)}](${destination})`;
  return url ? `${markdownText(text)} (${markdownText(url)})` : markdownText(text);
}

/** A bare URL: an autolink when http(s), text otherwise. */
function markdownUrl(url: string): string {
  return webDestination(url) ?? markdownText(url);
}

const quote = (s: string) => `“${markdownText(s)}”`;
const cell = markdownText;

/**
 * The other version with its words marked: {+added+} and [-removed-] (wdiff notation). `escape`
 * writes each word run (Markdown escaping in the export).
 */
export function diffToText(diff: readonly DiffPart[], escape: (s: string) => string = (s) => s): string {
  return diff
    .map((part) => (part.added ? `{+${escape(part.value.trim())}+} ` : part.removed ? `[-${escape(part.value.trim())}-] ` : escape(part.value)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function comparisonMarkdown(result: AnalysisResult, article?: PageArticle, generatedAt = new Date()): string {
  const header = storyHeader(result, article);
  const covering = coveringArticles(result);
  const lines: string[] = [];
  lines.push(`# Parallax comparison: ${markdownText(header.title ?? article?.url ?? 'this article')}`, '');
  const about = [header.outlet ? `**${markdownText(header.outlet)}**` : null, article?.url ? markdownUrl(article.url) : null].filter(Boolean);
  if (about.length) lines.push(about.join(' · '), '');
  const range = formatDateRange(header.firstPublished, header.lastPublished);
  lines.push(
    `Covered by ${plural(header.outlets, 'other outlet')} (${plural(header.articles, 'article')})${range ? `, ${range}` : ''}. ` +
      `Compared with the ${markdownText(result.corpus.name)} corpus (${plural(result.corpus.articles, 'article')}) on ${generatedAt.toISOString().slice(0, 10)}, on this device.`,
    '',
  );

  if (covering.length) {
    lines.push('## Outlets', '', '| Outlet | Article | Shared facts | Adds | Conflicts |', '| --- | --- | ---: | ---: | ---: |');
    for (const c of covering) {
      const title = c.title ? markdownLink(c.title, c.url) : c.url ? markdownUrl(c.url) : '';
      lines.push(`| ${cell(c.outlet)} | ${title} | ${c.shared} | ${c.adds} | ${c.conflicts} |`);
    }
    lines.push('');
  }

  lines.push(`## Facts other outlets also report (${result.facts.length})`, '');
  if (!result.facts.length) lines.push('None.', '');
  result.facts.forEach((fact, i) => {
    lines.push(`${i + 1}. ${fact.conflict ? '**Conflict.** ' : ''}${quote(fact.sentence.text)}`);
    for (const p of sameFactPassages(fact)) {
      lines.push(`   - *${markdownText(outletName(p.outlet))}*: ${quote(p.text)}`);
      if (p.diff.length) lines.push(`     - Differences: ${diffToText(p.diff, markdownWords)}`);
      for (const label of p.labels) lines.push(`     - ${FRAMING_LABEL_NAMES[label.kind]}: ${markdownText(label.note)}`);
    }
  });
  if (result.facts.length) lines.push('');

  lines.push(`## What others reported that this article leaves out (${result.omissions.length})`, '');
  if (!result.omissions.length) lines.push('Nothing.', '');
  for (const o of result.omissions) {
    const by = [...new Set(o.reportedBy.map((r) => markdownText(outletName(r.outlet))))].join(', ');
    lines.push(`- ${quote(o.text)} — ${by}`);
  }
  if (result.omissions.length) lines.push('');

  lines.push(`## Only in this article (${result.unique.length})`, '');
  if (!result.unique.length) lines.push('Nothing.', '');
  for (const s of result.unique) lines.push(`- ${quote(s.text)}`);
  if (result.unique.length) lines.push('');

  // Follow-ups and background, in time order: never part of the same-story sections above.
  const related = relatedTimeline(result).groups.flatMap((g) => g.entries);
  if (related.length) {
    lines.push(`## Earlier and later coverage (${related.length})`, '');
    for (const r of related) {
      const when = [r.relative, r.date ? `(${r.date})` : null].filter(Boolean).join(' ');
      const title = r.title ? markdownLink(r.title, r.url) : r.url ? markdownUrl(r.url) : null;
      const outlet = markdownText(r.outlet);
      lines.push(`- **${outlet}**${when ? `, ${when}` : ''}${title ? `: ${title}` : ''}. Shares ${plural(r.facts.length, 'fact')} with this article${r.facts.length ? ':' : '.'}`);
      for (const f of r.facts) lines.push(`  - ${quote(f.text)}${f.theirs ? ` — ${outlet}: ${quote(f.theirs)}` : ''}`);
    }
    lines.push('');
  }

  return `${lines.join('\n').trimEnd()}\n`;
}

export function comparisonJson(result: AnalysisResult, article?: PageArticle, generatedAt = new Date()): string {
  return `${JSON.stringify({ generator: 'Parallax', generatedAt: generatedAt.toISOString(), article: article ?? null, result }, null, 2)}\n`;
}

/** A file name from the article's title: "parallax-russia-sends-hasty-rsvp.md". */
export function exportFileName(title: string | null | undefined, extension: 'md' | 'json'): string {
  const slug = (title ?? 'comparison')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `parallax-${slug || 'comparison'}.${extension}`;
}
