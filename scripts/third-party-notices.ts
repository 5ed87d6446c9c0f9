// A Vite plugin that ships THIRD_PARTY_NOTICES.txt with the extension: the licence text of every
// package whose code ends up in a bundle, plus the notices of the data tables generated into lib/
// (WordNet's senses, the GloVe word ranks, Pattern's subjective adjectives) and of the sentence
// model shipped under model/. The minifier drops licence comments, and licences such as WordNet's
// require the notice on every copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PACKAGE_IN_PATH = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;
/** Generated data tables whose `/*! @license` comment must reach the notices, with their titles. */
const DATA_TABLES: readonly { file: string; title: string }[] = [
  { file: 'lib/facts/generated/wordnet-senses.ts', title: 'WordNet 3.1 (sense table compiled into the fact matcher)' },
  { file: 'lib/text/generated/background-ranks.ts', title: 'GloVe 6B word list (frequency ranks compiled into the term weights)' },
  { file: 'lib/framing/generated/subjectivity.ts', title: "Pattern's en-sentiment lexicon (subjective adjectives compiled into the framing labels)" },
  {
    file: 'lib/framing/generated/subjectivity-neighbours.ts',
    title: "Pattern's en-sentiment lexicon extended through GloVe 6B word vectors (evaluative modifiers and everyday words compiled into the framing labels)",
  },
  { file: 'lib/outlets/directory.ts', title: 'AllSides media bias ratings (the leans in the outlet directory)' },
];

// WXT runs one Vite build per entrypoint group in one process: gather packages across all of
// them, so the notices written by the last build cover every bundle.
const bundledPackages = new Map<string, string>();
const bundledTables = new Set<string>();

function licenceText(dir: string): string {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(name));
  if (file) return readFileSync(join(dir, file), 'utf8').trim();
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string };
  return `License: ${manifest.license ?? 'unknown'} (the package has no licence file)`;
}

function packageLabel(dir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string };
  return `${name}@${manifest.version ?? '?'}`;
}

function tableNotice(root: string, file: string): string | null {
  const match = readFileSync(join(root, file), 'utf8').match(/\/\*! @license\n([\s\S]*?)\*\//);
  return match?.[1] ? match[1].replace(/^ \* ?/gm, '').trim() : null;
}

export function thirdPartyNotices(root: string): Plugin {
  return {
    name: 'parallax-third-party-notices',
    moduleParsed(info) {
      const id = info.id.replace(/\\/g, '/');
      for (const table of DATA_TABLES) if (id.endsWith(table.file)) bundledTables.add(table.file);
      const match = id.match(PACKAGE_IN_PATH);
      if (!match?.[1]) return;
      const dir = id.slice(0, id.indexOf(match[0]) + match[0].length - 1);
      if (existsSync(join(dir, 'package.json'))) bundledPackages.set(match[1], dir);
    },
    generateBundle() {
      const sections = [...bundledPackages.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, dir]) => `== ${packageLabel(dir, name)}\n\n${licenceText(dir)}`);
      const tables = DATA_TABLES.filter((t) => bundledTables.has(t.file)).flatMap((t) => {
        const notice = tableNotice(root, t.file);
        return notice ? [`== ${t.title}\n\n${notice}`] : [];
      });
      sections.unshift(...tables);
      // The sentence model ships with every build (wxt.config.ts copies it to model/).
      const model = join(root, 'models', 'potion-base-4M-int8');
      sections.unshift(`== potion-base-4M-int8 (Model2Vec sentence-embedding model, shipped in model/; The Minish Lab)\n\n${readFileSync(join(model, 'LICENSE'), 'utf8').trim()}`);
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD_PARTY_NOTICES.txt',
        source: `Parallax bundles the following third-party software and data.\n\n${sections.join('\n\n')}\n`,
      });
    },
  };
}
