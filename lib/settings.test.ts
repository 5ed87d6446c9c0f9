import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, factThreshold, isSiteDisabled, normalizeSite, parseSettings } from './settings';

describe('parseSettings', () => {
  test.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [{ highlights: false }, { ...DEFAULT_SETTINGS, highlights: false }],
    [{ run: 'click', strictness: 'strict' }, { ...DEFAULT_SETTINGS, run: 'click', strictness: 'strict' }],
    [{ run: 'sometimes', strictness: 7, highlights: 'yes' }, DEFAULT_SETTINGS],
    [
      { disabledSites: ['https://WWW.Example.com/path', 'example.com', 'example.com', 42, 'not a host!'] },
      { ...DEFAULT_SETTINGS, disabledSites: ['www.example.com', 'example.com'] },
    ],
  ])('%j → %j', (stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});

describe('normalizeSite', () => {
  test.each([
    ['www.bbc.co.uk', 'www.bbc.co.uk'],
    ['  WWW.BBC.CO.UK ', 'www.bbc.co.uk'],
    ['https://www.bbc.co.uk/news/world?x=1', 'www.bbc.co.uk'],
    ['nytimes.com/section', 'nytimes.com'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
    ['', null],
    ['has space.com', null],
    ['-bad.com', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });
});

describe('isSiteDisabled', () => {
  const settings = { disabledSites: ['example.com'] };
  test.each([
    ['example.com', true],
    ['news.example.com', true],
    ['EXAMPLE.COM', true],
    ['notexample.com', false],
    ['example.org', false],
  ])('%s → %s', (host, expected) => {
    expect(isSiteDisabled(settings, host)).toBe(expected);
  });
});

describe('factThreshold', () => {
  test.each([
    [0.5, 'balanced', 0.5],
    [0.5, 'strict', 0.6],
    [0.5, 'lenient', 0.4],
    [0.95, 'strict', 1],
    [0.05, 'lenient', 0],
  ] as const)('%d %s → %d', (calibrated, strictness, expected) => {
    expect(factThreshold(calibrated, strictness)).toBeCloseTo(expected, 10);
  });
});
