import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../article/from-html';
import { NearDuplicateIndex } from './near-duplicates';

const PAGES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'feeds', 'pages');
const article = (path: string) => extractArticle(readFileSync(resolve(PAGES, path), 'utf8')).text;

describe('NearDuplicateIndex', () => {
  const index = new NearDuplicateIndex();
  index.add('gazette-wire', 'Harbor Gazette', article('gazette/wire-ferry.html'));
  index.add('gazette-bridge', 'Harbor Gazette', article('gazette/bridge-closed.html'));
  index.add('gazette-library', 'Harbor Gazette', article('gazette/library-reopens.html'));

  test('the same wire copy in another outlet is a syndicated copy', () => {
    const found = index.find('The Valley Times', article('valley/wire-ferry.html'));
    expect(found).toMatchObject({ id: 'gazette-wire', outlet: 'Harbor Gazette', kind: 'syndicated' });
    expect(found!.containment).toBeGreaterThan(0.8);
  });

  test('the same text from the same outlet is a duplicate', () => {
    expect(index.find('harbor gazette', article('gazette/wire-ferry.html'))).toMatchObject({ id: 'gazette-wire', kind: 'duplicate', containment: 1 });
  });

  test('a shorter edition from the same outlet is a version', () => {
    const full = article('gazette/bridge-closed.html');
    const shorter = full.split('\n\n').slice(0, 4).join('\n\n');
    expect(index.find('Harbor Gazette', shorter)).toMatchObject({ id: 'gazette-bridge', kind: 'version' });
  });

  test.each([
    ['another outlet reporting the same story in its own words', 'valley/bridge-cracks.html'],
    ['an unrelated article', 'bay/ferry-schedule.html'],
  ])('%s is not a near-duplicate', (_, path) => {
    expect(index.find('Someone', article(path))).toBeNull();
  });

  test('texts too short to fingerprint reliably are never linked', () => {
    expect(index.find('Harbor Gazette', 'Ferry operators brace for surge.')).toBeNull();
  });
});
