// A Vite plugin that ships THIRD_PARTY_NOTICES.txt with the extension: the licence text of every
// package whose code ends up in a bundle, plus WordNet's notice (its sense table is compiled into
// lib/facts). The minifier drops licence comments, and licences such as WordNet's require the
// notice on every copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PACKAGE_IN_PATH = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;
const WORDNET_TABLE = 'lib/facts/generated/wordnet-senses.ts';

// WXT runs one Vite build per entrypoint group in one process: gather packages across all of
// them, so the notices written by the last build cover every bundle.
const bundledPackages = new Map<string, string>();
let bundlesWordNet = false;

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

function wordNetNotice(root: string): string | null {
  const match = readFileSync(join(root, WORDNET_TABLE), 'utf8').match(/\/\*! @license\n([\s\S]*?)\*\//);
  return match?.[1] ? match[1].replace(/^ \* ?/gm, '').trim() : null;
}

export function thirdPartyNotices(root: string): Plugin {
  return {
    name: 'parallax-third-party-notices',
    moduleParsed(info) {
      const id = info.id.replace(/\\/g, '/');
      if (id.endsWith(WORDNET_TABLE)) bundlesWordNet = true;
      const match = id.match(PACKAGE_IN_PATH);
      if (!match?.[1]) return;
      const dir = id.slice(0, id.indexOf(match[0]) + match[0].length - 1);
      if (existsSync(join(dir, 'package.json'))) bundledPackages.set(match[1], dir);
    },
    generateBundle() {
      const sections = [...bundledPackages.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, dir]) => `== ${packageLabel(dir, name)}\n\n${licenceText(dir)}`);
      const wordNet = bundlesWordNet ? wordNetNotice(root) : null;
      if (wordNet) sections.unshift(`== WordNet 3.1 (sense table compiled into the fact matcher)\n\n${wordNet}`);
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD_PARTY_NOTICES.txt',
        source: `Parallax bundles the following third-party software and data.\n\n${sections.join('\n\n')}\n`,
      });
    },
  };
}
