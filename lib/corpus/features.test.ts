import { describe, expect, test } from 'vitest';
import { articleFeatures } from './features.ts';

const BODY = [
  'MOSCOW — Russia sought to move beyond last week’s diplomatic confrontation with the West on Monday by pressing President Trump for a White House meeting.',
  'The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow that Mr. Trump had suggested the meeting in a telephone call on March 20.',
  'It is not clear whether such a meeting is still viable.',
].join('\n');

describe('articleFeatures lead', () => {
  test.each([
    ['a byline', 'By Andrew Higgins and Peter Baker · 2018-04-02'],
    ['a share label', 'Share this'],
    ['a dateline', 'April 2, 2018'],
  ])('skips %s before the first sentences', (_name, furniture) => {
    const withFurniture = articleFeatures(`${furniture}\n${BODY}`, 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation');
    const plain = articleFeatures(BODY, 'Russia Sends Hasty R.S.V.P. to Trump’s Invitation');
    expect(withFurniture.leadTerms).toEqual(plain.leadTerms);
    expect(plain.leadTerms).toContain('ushakov');
  });

  test('an article of short sentences only keeps its first two as the lead', () => {
    expect(articleFeatures('Storm hits coast.\nTowns flooded.\nMore rain due.').leadTerms).toEqual(['storm', 'hit', 'coast', 'town', 'flood']);
  });
});
