import { describe, expect, test } from 'vitest';
import type { FramingLabelKind } from '../result.ts';
import { diffWording } from './diff.ts';
import { compareFraming } from './labels.ts';

function kinds(a: string, b: string): FramingLabelKind[] {
  return compareFraming(a, b).labels.map((l) => l.kind);
}

describe('compareFraming', () => {
  test('identical wording has no labels and one unchanged diff part', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said the adviser was not correct.';
    const result = compareFraming(text, text);
    expect(result.labels).toEqual([]);
    expect(result.diff).toEqual([{ value: text }]);
  });

  test('a copy is answered as the wording diff and the labels would answer it', () => {
    for (const text of ['', '   ', ' Peskov said: “No.” ', 'Peskov\nsaid it was “not correct.”']) {
      expect(compareFraming(text, text)).toEqual({ diff: diffWording(text, text), labels: [], flagged: [] });
    }
  });

  test('the diff rebuilds both sentences', () => {
    const a = 'Peskov said the adviser was not correct.';
    const b = 'Peskov later insisted that the adviser was "not correct."';
    const { diff } = compareFraming(a, b);
    expect(diff.filter((p) => !p.added).map((p) => p.value).join('')).toBe(a);
    expect(diff.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(b);
  });

  test.each([
    ['said vs insisted', 'Peskov said the adviser was not correct.', 'Peskov insisted the adviser was not correct.', 'other', 'said', 'insisted'],
    ['according to the AP, only on the other side', 'Trump invited Putin to the White House.', 'Trump invited Putin to the White House, according to the AP.', 'other', '', 'according to'],
    ['claimed, only on this side', 'Ushakov claimed Trump invited Putin to the White House.', 'Trump invited Putin to the White House.', 'this', 'claimed', ''],
  ])('attribution: %s', (_name, a, b, side, thisText, otherText) => {
    const label = compareFraming(a, b, { otherName: 'NBC News' }).labels.find((l) => l.kind === 'attribution');
    expect(label).toMatchObject({ side, thisText, otherText });
  });

  test.each([
    ['two neutral verbs for one source', 'Peskov told reporters the adviser was not correct.', 'Peskov told CNN the adviser was not correct.'],
    ['one source named on both sides', 'Kremlin spokesman Dmitry Peskov said the adviser was not correct.', 'The adviser was not correct, Dmitri S. Peskov told reporters.'],
    ['a source this side calls "he"', '"We hope they will not abandon it," he said.', '"We hope they will not refuse it," Kremlin aide Yury Ushakov said.'],
    // "A Kremlin aide" may be Ushakov: one version describes the source the other names.
    ['a source one side describes and the other names', 'The Kremlin adviser Yuri Ushakov said Trump proposed a meeting.', 'Trump proposed a meeting, a Kremlin aide told reporters.'],
  ])('no attribution label when the versions do not differ on it: %s', (_name, a, b) => {
    expect(kinds(a, b)).not.toContain('attribution');
  });

  test.each([
    ['a source only one side names', 'Trump invited Putin.', 'Trump invited Putin, Yuri Ushakov told reporters.', "NBC News attributes this to Yuri Ushakov ('told reporters'); this article names no source"],
    // Nothing in "The White House said" fits "a Kremlin aide": two sources.
    ['a described source and another named one', 'The White House said a meeting could take place.', 'A meeting could take place, a Kremlin aide told reporters.', "This article attributes this to White House ('said'); NBC News to a Kremlin aide ('told reporters')"],
    ['a described source where the other names none', 'Trump wants a meeting.', 'Trump proposed a meeting, a Kremlin aide told reporters.', "NBC News attributes this to a Kremlin aide ('told reporters'); this article names no source"],
    ['second-hand sourcing', 'Yuri Ushakov said Trump invited Putin.', 'Yuri Ushakov said Trump invited Putin, according to the AP.', "NBC News also attributes this to AP ('according to')"],
    ['an evaluative verb for the same source', 'The spokesman, Dmitri S. Peskov, dismissed the report.', 'The spokesman, Dmitry Peskov, told CNN about the report.', "This article has Dmitri S. Peskov 'dismissed' where NBC News has 'told CNN'"],
  ])('attribution note, one sentence: %s', (_name, a, b, note) => {
    const label = compareFraming(a, b, { otherName: 'NBC News' }).labels.find((l) => l.kind === 'attribution');
    expect(label?.note).toBe(note);
  });

  test.each([
    ['confirmed', 'The White House confirmed on Monday that the call took place.', 'The White House said on Monday that the call took place.'],
    ['urged', 'Ushakov urged Washington to keep the proposal.', 'Ushakov said Washington should keep the proposal.'],
    ['discounted', 'The spokesman, Dmitri S. Peskov, discounted the report.', 'The spokesman, Dmitry Peskov, told CNN about the report.'],
  ])('one source with another speech act, not a judgment, is no attribution difference: %s', (_name, a, b) => {
    expect(kinds(a, b)).not.toContain('attribution');
  });

  test('a source only one version names is reported; its verb is word choice only when evaluative', () => {
    const flaggedWords = (a: string, b: string): string[] => {
      const { labels, flagged } = compareFraming(a, b);
      expect(labels.map((l) => l.kind)).toContain('attribution');
      return flagged.filter((f) => f.kind === 'attribution').map((f) => (f.side === 'this' ? a : b).slice(f.start, f.end));
    };
    expect(flaggedWords('Senator Smith urged a vote on the bill.', 'A vote on the bill is planned.')).toEqual([]);
    expect(flaggedWords('Senator Smith blasted the vote on the bill.', 'The vote on the bill is planned.')).toEqual(['blasted']);
  });

  test('an attribution is not also reported as an addition', () => {
    const a = '“I hope the Americans won’t abandon their proposal,” he said.';
    const b = '“I hope the Americans won’t abandon their proposal,” Kremlin aide Yury Ushakov said, according to Russian news agency TASS.';
    const labels = compareFraming(a, b, { otherName: 'NBC News' }).labels;
    expect(labels.map((l) => l.note)).toEqual(["NBC News also attributes this to TASS ('according to')"]);
  });

  test.each([
    ['reportedly', 'The two leaders discussed a number of venues.', 'The two leaders reportedly discussed a number of venues.', 'other', 'reportedly'],
    ['allegedly', 'The poisoning was orchestrated by the Kremlin.', 'The poisoning was allegedly orchestrated by the Kremlin.', 'other', 'allegedly'],
    ['would seem', 'A meeting would seem to conflict with the team.', 'A meeting conflicts with the team.', 'this', 'would seem'],
  ])('hedging: %s', (_name, a, b, side, word) => {
    const label = compareFraming(a, b).labels.find((l) => l.kind === 'hedging');
    expect(label?.side).toBe(side);
    expect(side === 'this' ? label?.thisText : label?.otherText).toBe(word);
  });

  test('a hedging note is one sentence with the hedge in its own words', () => {
    const label = compareFraming('Both leaders will attend the summit in November.', 'Both leaders are expected to attend the summit in November.', {
      otherName: 'NBC News',
    }).labels.find((l) => l.kind === 'hedging');
    expect(label?.note).toBe('NBC News hedges: “leaders are expected to attend”; this article does not');
  });

  test('an addition quotes what only one version has there, and leaves the attribution to its own label', () => {
    // 001 and 003 of the seed story: the diff pairs "I hope" with "If everything goes well, I hope that".
    const a = '“I hope the Americans won’t abandon their proposal to discuss the possibility of holding the summit,” he said.';
    const b =
      '“If everything goes well, I hope that the American side would not refuse its proposal to discuss the possibility of organizing the summit talks,” Kremlin aide Yury Ushakov said, according to Russian news agency TASS.';
    const notes = compareFraming(a, b, { otherName: 'NBC News' }).labels.map((l) => l.note);
    expect(notes).toEqual(["NBC News also attributes this to TASS ('according to')", "NBC News adds 'everything goes well'"]);
  });

  test('a hedge in a rewritten clause is no hedging difference: the other version may not say that at all', () => {
    const a = 'Trump and Putin met in Germany and have no plans to meet before November, when both are expected to attend a summit in Argentina.';
    const b = 'Trump and Putin met at the summit in Germany last July and in Vietnam in November.';
    expect(kinds(a, b)).not.toContain('hedging');
  });

  test.each([
    ['both hedge, in other words', 'The poisoning was reportedly orchestrated by the Kremlin.', 'The poisoning was allegedly orchestrated by the Kremlin.'],
    ['the hedge is inside a quotation', 'Sanders said the meeting was planned.', 'Sanders said, "The meeting may be planned."'],
    ['the expectation is the speaker\'s, not a hedge', 'Mr. Trump said he would see Mr. Putin soon.', 'Mr. Trump said he expected to see Mr. Putin soon.'],
  ])('no hedging label when the versions do not differ on it: %s', (_name, a, b) => {
    expect(kinds(a, b)).not.toContain('hedging');
  });

  test.each([
    ['fierce', 'Steele drew criticism on Friday.', 'Steele drew fierce criticism on Friday.', 'other'],
    ['controversially', 'Trump congratulated the Russian leader on his reelection.', 'Trump controversially congratulated the Russian leader on his reelection.', 'other'],
    ['striking reluctance', 'Mr. Trump has shown a striking reluctance to criticize Mr. Putin.', 'Mr. Trump has declined to criticize Mr. Putin.', 'this'],
  ])('loaded: %s', (_name, a, b, side) => {
    const label = compareFraming(a, b).labels.find((l) => l.kind === 'loaded');
    expect(label?.side).toBe(side);
  });

  test('a loaded-word note quotes the flagged words, a short rival wording, or the words around them', () => {
    const note = (a: string, b: string) => compareFraming(a, b, { thisName: 'this article', otherName: 'NBC News' }).labels.find((l) => l.kind === 'loaded')?.note;
    expect(note('Mr. Trump has declined to criticize Mr. Putin.', 'Mr. Trump has shown a striking reluctance to criticize Mr. Putin.')).toBe(
      "NBC News uses 'striking reluctance' where this article has 'declined'",
    );
    // Flagged words apart stay apart; an addition is quoted in its place.
    expect(note('Russia expelled the diplomats on Monday.', 'Russia brazenly and defiantly expelled the diplomats on Monday.')).toBe(
      "NBC News uses 'brazenly', 'defiantly' (“Russia brazenly and defiantly expelled”) where this article has nothing",
    );
    // A rewritten clause is not quoted whole: the evaluative words are, in their context.
    expect(
      note(
        'The idea of a get-together underscored how volatile the relationship between the two countries is.',
        'The idea of a get-together underscored a brazen and defiant posture that startled diplomats across Europe.',
      ),
    // "startled" (an adjective in WordNet) is rated by its neighbours (alarmed, shocked, stunned).
    ).toBe("NBC News uses 'brazen', 'defiant', 'startled' (“underscored a brazen and defiant posture that startled diplomats across”), words this article's version lacks");
  });

  test('a word of a name carries no judgment there, and the same word outside a name is still judged', () => {
    // What the lexicons say of a word is remembered by its text (label-loaded.ts); whether it stands in a name is read per sentence.
    expect(kinds('Steele met executives on Friday.', 'Steele met Brazen Films executives on Friday.')).not.toContain('loaded');
    const label = compareFraming('Criticism met Steele on Friday.', 'Brazen criticism met Steele on Friday.').labels.find((l) => l.kind === 'loaded');
    expect(label).toMatchObject({ side: 'other', otherText: 'Brazen criticism' });
  });

  test('a substitution: the same act in other words', () => {
    const label = compareFraming('The senator criticized the plan on Monday.', 'The senator slammed the plan on Monday.', { otherName: 'NBC News' }).labels.find(
      (l) => l.kind === 'loaded',
    );
    // "criticized" has a valence (AFINN) but names the act; "slammed" is the evaluative choice.
    expect(label).toMatchObject({ side: 'other', thisText: 'criticized', otherText: 'slammed' });
    expect(label?.note).toBe("NBC News uses 'slammed' where this article has 'criticized'");
    const regime = compareFraming('The government announced the plan.', 'The regime announced the plan.').labels.find((l) => l.kind === 'loaded');
    expect(regime).toMatchObject({ side: 'other', otherText: 'regime' });
  });

  test.each([
    ['prison / jailed', 'He was put in prison on Friday.', 'He was jailed on Friday.'],
    ['victim / parent', 'A shooting victim spoke on Friday.', 'A parent spoke on Friday.'],
    ['indicted / charged', 'The aides may be indicted by the state.', 'The state may file criminal charges against the aides.'],
  ])('a swap of words that name what happened is not loaded, whatever their valence: %s', (_name, a, b) => {
    expect(kinds(a, b)).not.toContain('loaded');
  });

  test('a word both versions share is not loaded, however charged', () => {
    expect(kinds('Russia expelled 60 diplomats after the poisoning of a former spy.', 'After the poisoning of an ex-spy, Russia ordered 60 diplomats out.')).not.toContain('loaded');
  });

  test("the story's own words are not loaded: a word the other article uses anywhere names the event", () => {
    const a = 'The phone call came before last week’s tit-for-tat expulsions.';
    const b = 'Russia announced it would expel 60 American diplomats, a tit-for-tat reaction to the poisoning of an ex-spy.';
    // Without the articles, "poisoning" only this version has is still a candidate...
    const alone = compareFraming(a, b).labels.filter((l) => l.kind === 'loaded');
    // ...but the other article uses it too: it is the story's word, not an outlet's choice.
    const withArticles = compareFraming(a, b, { thisArticle: `${a} The poisoning of Sergei Skripal angered Britain.`, otherArticle: b }).labels.filter(
      (l) => l.kind === 'loaded',
    );
    expect(withArticles).toEqual([]);
    expect(alone.every((l) => !/poisoning/.test(l.note))).toBe(true);
  });

  test('in a rewritten clause, verbs and nouns that say what happened are not loaded; an evaluative modifier is', () => {
    const a = 'The adviser, Yuri Ushakov, said in Moscow that the two leaders should meet at the White House soon.';
    const b = 'Sanders confirmed the two discussed a meeting during the call, in which Trump controversially congratulated the Russian leader on his reelection.';
    const label = compareFraming(a, b, { otherName: 'NBC News' }).labels.find((l) => l.kind === 'loaded');
    expect(label?.note).toMatch(/^NBC News uses 'controversially' /);
    expect(label?.note).not.toMatch(/'controversially congratulated'/);
  });

  test('two renderings of one quotation are not a word choice', () => {
    expect(kinds('“I hope the Americans won’t abandon their proposal,” he said.', '“I hope the American side would not refuse its proposal,” he said.')).not.toContain('loaded');
  });

  test('an evaluative word inside a quotation is what the outlet quotes', () => {
    const note = compareFraming('The president later described the call to reporters.', 'The president later told reporters it was a "wonderful call."', {
      otherName: 'NBC News',
    }).labels.find((l) => l.kind === 'loaded')?.note;
    expect(note).toMatch(/^NBC News quotes 'wonderful' /);
  });

  test('an everyday word is no marked choice, whatever its lexicon rating', () => {
    // "good" (AFINN 3, Pattern subjective) is among the commonest words of news text.
    expect(kinds('The president later described the call to reporters.', 'The president later told reporters it was a "very good call."')).not.toContain('loaded');
    expect(kinds('The top aide spoke on Monday.', 'The aide spoke on Monday.')).not.toContain('loaded');
  });

  test('a modifier no lexicon rates is loaded by its nearest rated neighbours', () => {
    const dismal = compareFraming('The debate came after the president’s dismal performance in Denver.', 'The debate came after the president’s performance in Denver.', {
      otherName: 'NBC News',
    }).labels.find((l) => l.kind === 'loaded');
    expect(dismal).toMatchObject({ side: 'this' });
    expect(dismal?.note).toBe("This article uses 'dismal' (“president’s dismal performance”) where NBC News has nothing");
    const phony = compareFraming('He called the claim phony on Monday.', 'He called the claim false on Monday.', { otherName: 'NBC News' }).labels.find(
      (l) => l.kind === 'loaded',
    );
    expect(phony?.note).toBe("This article uses 'phony' where NBC News has 'false'");
    // A factual modifier the lexicons do not rate is not.
    expect(kinds('The annual budget was passed on Monday.', 'The budget was passed on Monday.')).not.toContain('loaded');
  });

  test('loaded differences are ranked strongest first', () => {
    const labels = compareFraming(
      'The dubious plan was announced on Monday, and the senator criticized it on Tuesday.',
      'The plan was announced on Monday, and the senator viciously criticized it on Tuesday.',
    ).labels.filter((l) => l.kind === 'loaded');
    expect(labels.map((l) => l.side)).toEqual(['other', 'this']);
  });

  test('numbers that disagree', () => {
    const label = compareFraming(
      'After each of them expelled 60 diplomats, the idea seemed remote.',
      'After the U.S. expelled more than 150 Russian diplomats, the idea seemed remote.',
    ).labels.find((l) => l.kind === 'number');
    expect(label).toMatchObject({ side: 'both', thisText: '60 diplomats', otherText: 'more than 150 Russian diplomats' });
  });

  test('dates that disagree', () => {
    expect(kinds('The call took place on March 20.', 'The call took place on March 22.')).toContain('date');
  });

  test('a name swapped for another', () => {
    const label = compareFraming('The denial came from Peskov on Monday.', 'The denial came from Lavrov on Monday.').labels.find((l) => l.kind === 'name');
    expect(label).toMatchObject({ thisText: 'Peskov', otherText: 'Lavrov' });
  });

  test('names spelled differently do not disagree', () => {
    expect(kinds('The Kremlin spokesman, Dmitri S. Peskov, disagreed.', 'The Kremlin spokesman, Dmitry Peskov, disagreed.')).not.toContain('name');
  });

  test('a clause one side adds', () => {
    const label = compareFraming(
      'Trump congratulated Putin on his reelection.',
      'Trump congratulated Putin on his reelection, although his national security advisers had warned against it.',
    ).labels.find((l) => l.kind === 'addition');
    expect(label?.side).toBe('other');
    expect(label?.otherText).toMatch(/national security advisers had warned/);
  });

  test('flagged spans point at the labelled words', () => {
    const a = 'Steele drew criticism on Friday.';
    const b = 'Steele drew fierce criticism on Friday.';
    const { flagged } = compareFraming(a, b);
    expect(flagged.map((f) => (f.side === 'this' ? a : b).slice(f.start, f.end))).toEqual(['fierce']);
  });
});
