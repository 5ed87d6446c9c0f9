import { describe, expect, test } from 'vitest';
import { evaluativeWeight, isEvaluativeModifier, isEverydayWord, isReportingVerb, isStanceVerb, loadedStrength, NEIGHBOUR_SUBJECTIVE_FROM, neighbourSubjectivity } from './lexicon.ts';

describe('loadedStrength', () => {
  test.each([
    ['fierce', true],
    ['fiercely', true],
    ['controversially', true],
    ['slammed', true],
    ['striking', true],
    ['angry', true],
    // Judging verbs (inflected), judging nouns, manner amplifiers, "-ly" adverbs of rated words.
    ['assailed', true],
    ['castigated', true],
    ['trashed', true],
    ['ripped', true],
    ['henchmen', true],
    ['uproar', true],
    ['sharply', true],
    ['trash', false],
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

describe('neighbourSubjectivity', () => {
  test.each([
    // Modifiers Pattern does not rate, whose nearest rated neighbours are opinion words.
    ['dismal', true],
    ['phony', true],
    ['disgracefully', true],
    ['stinging', true],
    // Factual modifiers, and verbs and nouns (the table holds modifiers only).
    ['federal', false],
    ['annual', false],
    ['assailed', false],
    ['poisoning', false],
  ])('%s is evaluative by its neighbours: %s', (word, evaluative) => {
    expect(neighbourSubjectivity(word) >= NEIGHBOUR_SUBJECTIVE_FROM).toBe(evaluative);
  });

  test('a modifier only the neighbours rate ranks below the lexicons\' own words', () => {
    expect(evaluativeWeight('dismal')).toBeGreaterThan(0);
    expect(evaluativeWeight('phony')).toBeGreaterThan(0);
    expect(evaluativeWeight('phony')).toBeLessThan(evaluativeWeight('angry'));
    expect(evaluativeWeight('federal')).toBe(0);
  });
});

describe('isEverydayWord', () => {
  test.each([
    ['good', true],
    ['top', true],
    ['Better', true],
    ['strong', true],
    // Word forms, not stems: "striking" is not as common as "strike".
    ['striking', false],
    ['dismal', false],
    ['controversially', false],
  ])('%s is an everyday word: %s', (word, everyday) => {
    expect(isEverydayWord(word)).toBe(everyday);
  });
});

describe('isEvaluativeModifier', () => {
  test.each([
    ['misleadingly', true],
    ['sharply', true],
    ['kind', true],
    // Adjectives take no plural: "kinds" is a noun, not Pattern's "kind".
    ['kinds', false],
    ['diplomats', false],
  ])('%s is an evaluative modifier: %s', (word, evaluative) => {
    expect(isEvaluativeModifier(word)).toBe(evaluative);
  });
});
