// The comparison as a document a reader can keep or share: Markdown for people, JSON for tools.
import type { AnalysisResult, DiffPart } from '@/lib/result';
import type { PageArticle } from '@/lib/messages';
import { coveringArticles, sameFactPassages, storyHeader } from './derive';
import { FRAMING_LABEL_NAMES, formatDateRange, outletName, plural } from './labels';
import { relatedTimeline } from './timeline';

const quote = (s: string) => `“${s.replace(/\s+/g, ' ').trim()}”`;
// Markdown tables break on pipes and newlines.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The other version with its words marked: {+added+} and [-removed-] (wdiff notation). */
export function diffToText(diff: readonly DiffPart[]): string {
  return diff
    .map((part) => (part.added ? `{+${part.value.trim()}+} ` : part.removed ? `[-${part.value.trim()}-] ` : part.value))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function comparisonMarkdown(result: AnalysisResult, article?: PageArticle, generatedAt = new Date()): string {
  const header = storyHeader(result, article);
  const covering = coveringArticles(result);
  const lines: string[] = [];
  lines.push(`# Parallax comparison: ${header.title ?? article?.url ?? 'this article'}`, '');
  const about = [header.outlet ? `**${header.outlet}**` : null, article?.url ? `<${article.url}>` : null].filter(Boolean);
  if (about.length) lines.push(about.join(' · '), '');
  const range = formatDateRange(header.firstPublished, header.lastPublished);
  lines.push(
    `Covered by ${plural(header.outlets, 'other outlet')} (${plural(header.articles, 'article')})${range ? `, ${range}` : ''}. ` +
      `Compared with the ${result.corpus.name} corpus (${plural(result.corpus.articles, 'article')}) on ${generatedAt.toISOString().slice(0, 10)}, on this device.`,
    '',
  );

  if (covering.length) {
    lines.push('## Outlets', '', '| Outlet | Article | Shared facts | Adds | Conflicts |', '| --- | --- | ---: | ---: | ---: |');
    for (const c of covering) {
      const title = c.title ? (c.url ? `[${cell(c.title)}](${c.url})` : cell(c.title)) : c.url ? `<${c.url}>` : '';
      lines.push(`| ${cell(c.outlet)} | ${title} | ${c.shared} | ${c.adds} | ${c.conflicts} |`);
    }
    lines.push('');
  }

  lines.push(`## Facts other outlets also report (${result.facts.length})`, '');
  if (!result.facts.length) lines.push('None.', '');
  result.facts.forEach((fact, i) => {
    lines.push(`${i + 1}. ${fact.conflict ? '**Conflict.** ' : ''}${quote(fact.sentence.text)}`);
    for (const p of sameFactPassages(fact)) {
      lines.push(`   - *${outletName(p.outlet)}*: ${quote(p.text)}`);
      if (p.diff.length) lines.push(`     - Differences: ${diffToText(p.diff)}`);
      for (const label of p.labels) lines.push(`     - ${FRAMING_LABEL_NAMES[label.kind]}: ${label.note}`);
    }
  });
  if (result.facts.length) lines.push('');

  lines.push(`## What others reported that this article leaves out (${result.omissions.length})`, '');
  if (!result.omissions.length) lines.push('Nothing.', '');
  for (const o of result.omissions) {
    const by = [...new Set(o.reportedBy.map((r) => outletName(r.outlet)))].join(', ');
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
      const title = r.title ? (r.url ? `[${r.title}](${r.url})` : r.title) : r.url ? `<${r.url}>` : null;
      lines.push(`- **${r.outlet}**${when ? `, ${when}` : ''}${title ? `: ${title}` : ''}. Shares ${plural(r.facts.length, 'fact')} with this article${r.facts.length ? ':' : '.'}`);
      for (const f of r.facts) lines.push(`  - ${quote(f.text)}${f.theirs ? ` — ${r.outlet}: ${quote(f.theirs)}` : ''}`);
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
