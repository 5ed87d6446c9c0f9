import { describe, expect, test } from 'vitest';
import { isReportingVerb, isStanceVerb, loadedStrength } from './lexicon.ts';

describe('loadedStrength', () => {
  test.each([
    ['fierce', true],
    ['fiercely', true],
    ['controversially', true],
    ['slammed', true],
    ['striking', true],
    ['angry', true],
    ['has', false],
    ['living', false],
    ['said', false],
    ['diplomats', false],
    ['meeting', false],
  ])('%s is loaded: %s', (word, loaded) => {
    expect(loadedStrength(word) > 0).toBe(loaded);
  });
});

describe('reporting verbs', () => {
  test.each([
    ['said', true, false],
    ['told', true, false],
    ['insisted', true, true],
    ['claimed', true, true],
    ['conceded', true, true],
    ['announced', true, false],
    ['meeting', false, false],
  ])('%s: reporting %s, stance %s', (word, reporting, stance) => {
    expect(isReportingVerb(word)).toBe(reporting);
    expect(isStanceVerb(word)).toBe(stance);
  });
});
