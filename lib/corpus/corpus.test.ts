import { describe, expect, test } from 'vitest';
import { stemWord } from '../text/normalize.ts';
import { segmentSentences } from '../text/segment.ts';
import { backgroundShare } from '../text/background.ts';
import { compileCorpus, CorpusBuilder, inverseDocumentFrequency, TOP_TERMS } from './compile.ts';
import { articleFeatures } from './features.ts';
import { loadCorpus } from './corpus.ts';
import { termBackgroundClass } from './background.ts';
import { termIdf } from './term-weights.ts';
import { CorpusFormatError, serializeCorpus } from './format.ts';
import { CorpusInputError } from './schema.ts';
import { SEED_IDS, seedRecords } from './test-seeds.ts';
import { deserializeCorpus } from './format.ts';
import { MEANING_DIMS, MODEL_NAME, sentenceModel } from '../meaning/index.ts';

const records = seedRecords();
const bytes = serializeCorpus(compileCorpus(records, { name: 'seeds' }));
const corpus = loadCorpus(bytes);

describe('compiled seed corpus', () => {
  test('keeps every article with its metadata', () => {
    expect(corpus.size).toBe(5);
    expect(corpus.summary).toEqual({ name: 'seeds', articles: 5, outlets: 3, firstPublished: '2018-04-02', lastPublished: '2018-05-04' });
    const nbc = corpus.article(corpus.indexOf(SEED_IDS.nbc));
    expect(nbc.outlet).toBe('NBC News');
    expect(nbc.title).toBe('Possible Trump-Putin meeting could take place at the White House');
    expect(nbc.url).toBe('https://www.nbcnews.com/news/amp/ncna861966');
    expect(nbc.published).toBe('2018-04-02');
    expect(corpus.article(corpus.indexOf(SEED_IDS.unverified)).outlet).toBeNull();
    expect(corpus.indexOf('missing')).toBe(-1);
  });

  test('round-trips texts and sentence offsets', () => {
    for (const record of records) {
      const i = corpus.indexOf(record.id);
      expect(corpus.text(i)).toBe(record.text);
      expect(corpus.sentences(i)).toEqual(segmentSentences(record.text));
    }
  });

  test("stores every sentence's meaning vector, as the model computes it, and names the model", () => {
    const model = sentenceModel();
    expect(corpus.data.meta.meaning).toEqual({ model: MODEL_NAME, dims: MEANING_DIMS });
    let sentences = 0;
    for (const record of records) {
      const i = corpus.indexOf(record.id);
      const spans = corpus.sentences(i);
      const rows = corpus.sentenceMeaning(i);
      expect(rows.length).toBe(spans.length * MEANING_DIMS);
      spans.forEach((s, k) => expect([...rows.subarray(k * MEANING_DIMS, (k + 1) * MEANING_DIMS)]).toEqual([...model.encode(s.text)]));
      sentences += spans.length;
    }
    // One byte a dimension: the section is exactly sentences x dimensions.
    expect(corpus.data.sentenceMeaning.byteLength).toBe(sentences * MEANING_DIMS);
  });

  test('an artifact whose vectors come from another model or size is refused', () => {
    const data = deserializeCorpus(bytes);
    const other = serializeCorpus({ ...data, meta: { ...data.meta, meaning: { model: MODEL_NAME, dims: MEANING_DIMS * 2 } } });
    expect(() => loadCorpus(other)).toThrow(CorpusFormatError);
    expect(() => loadCorpus(other)).toThrow(/rebuild it/);
  });

  test('links 000 and 001 as versions of one article and prefers the readable one', () => {
    const normalized = corpus.indexOf(SEED_IDS.nytNormalized);
    const readable = corpus.indexOf(SEED_IDS.nytReadable);
    expect(corpus.primaryVersion(normalized)).toBe(readable);
    expect(corpus.primaryVersion(readable)).toBe(readable);
    expect(corpus.versions(normalized)).toEqual([readable, normalized]);
    expect(corpus.versions(corpus.indexOf(SEED_IDS.nbc))).toEqual([corpus.indexOf(SEED_IDS.nbc)]);
  });

  test('answers document frequencies for content terms and fact keys', () => {
    expect(corpus.documentFrequency('putin')).toBe(5);
    expect(corpus.documentFrequency('n:putin')).toBe(4); // 000 has no capitals to find names in
    expect(corpus.documentFrequency('n:huntsman')).toBe(1);
    expect(corpus.documentFrequency('absent')).toBe(0);
    expect(corpus.idf('n:huntsman')).toBeGreaterThan(corpus.idf('putin'));
    const huntsman = corpus.termId('n:huntsman');
    expect([...corpus.postings(huntsman)]).toEqual([corpus.indexOf(SEED_IDS.newYorker)]);
  });

  test('weighs terms of equal document frequency by how common they are in general news', () => {
    // Both in 4 of the 5 seeds: the corpus alone cannot tell them apart, the background can.
    expect(corpus.documentFrequency('ushakov')).toBe(corpus.documentFrequency('white'));
    expect(corpus.idf('ushakov')).toBeGreaterThan(corpus.idf('white') + 1);
    // Terms the corpus has never seen are weighed by the background alone.
    expect(corpus.idf('weather')).toBeLessThan(corpus.idf('zzyzx'));
    expect(corpus.idf('zzyzx')).toBeCloseTo(inverseDocumentFrequency(0, corpus.size), 5);
  });

  test('weighs a term it has never seen by the rule it stores every IDF with (single precision)', () => {
    // A query mixes stored IDFs with those of unseen terms: one rounding rule keeps their sums alike.
    for (const term of ['zzyzx', 'n:nobody', 'weather']) {
      expect(corpus.termId(term)).toBe(-1);
      expect(corpus.idf(term)).toBe(termIdf(0, corpus.size, termBackgroundClass(term)));
      expect(Math.fround(corpus.idf(term))).toBe(corpus.idf(term));
    }
    const white = corpus.termId('white');
    expect(corpus.idf('white')).toBe(termIdf(corpus.documentFrequency('white'), corpus.size, corpus.data.termBackground[white]!));
  });

  test('the background prior fades as the corpus grows', () => {
    const share = backgroundShare('white');
    const gap = (articles: number) => inverseDocumentFrequency(articles / 2, articles) - inverseDocumentFrequency(articles / 2, articles, share);
    expect(gap(10)).toBeGreaterThan(0.5);
    expect(gap(100_000)).toBeLessThan(0.01);
  });

  test('stores every distinct term of each article with its count, and postings cover them all', () => {
    for (const record of records) {
      const i = corpus.indexOf(record.id);
      const { docTermStart, docTerms, docTermTf } = corpus.data;
      const stored = new Map<string, number>();
      for (let k = docTermStart[i]!; k < docTermStart[i + 1]!; k++) {
        stored.set(corpus.termText(docTerms[k]!), docTermTf[k]!);
        expect([...corpus.postings(docTerms[k]!)]).toContain(i);
      }
      expect(stored).toEqual(articleFeatures(record.text, record.title).termCounts);
    }
  });

  test("chooses each article's term vector when searching: its top terms by TF-IDF with this corpus's IDF, and their norm", () => {
    const weight = (id: number, count: number) => (1 + Math.log(count)) * corpus.idfOfTermId(id);
    let longer = 0;
    for (let i = 0; i < corpus.size; i++) {
      const { docTermStart, docTerms, docTermTf } = corpus.data;
      const { terms, counts } = corpus.termVector(i);
      const all = docTermStart[i + 1]! - docTermStart[i]!;
      expect(terms.length).toBe(Math.min(TOP_TERMS, all));
      if (all > TOP_TERMS) longer++;
      const kept = new Set(terms);
      let lightest = Infinity;
      let squares = 0;
      terms.forEach((id, k) => {
        const w = weight(id, counts[k]!);
        lightest = Math.min(lightest, w);
        squares += w * w;
      });
      for (let k = docTermStart[i]!; k < docTermStart[i + 1]!; k++) {
        if (!kept.has(docTerms[k]!)) expect(weight(docTerms[k]!, docTermTf[k]!)).toBeLessThanOrEqual(lightest);
      }
      expect(corpus.vectorNorm(i)).toBeCloseTo(Math.sqrt(squares), 9);
      // In term order (ascending ids in one compiled corpus).
      expect([...terms]).toEqual([...terms].sort((a, b) => a - b));
    }
    expect(longer).toBeGreaterThan(0); // some seed has more terms than a vector keeps
  });

  test('compiling is deterministic', () => {
    expect(serializeCorpus(compileCorpus(records, { name: 'seeds' }))).toEqual(bytes);
  });
});

describe('outlet names', () => {
  test('a record named by a bare host, or not named, gets the directory\'s name for its address', () => {
    const text = 'The Kremlin said on Monday that the two presidents discussed a meeting at the White House.';
    const corpus = loadCorpus(serializeCorpus(compileCorpus([
      { id: 'a', outlet: 'tass.com', url: 'https://tass.com/politics/1', text },
      { id: 'b', outlet: null, url: 'https://www.theguardian.com/world/x', text: `${text} Officials confirmed it.` },
      { id: 'c', outlet: 'Harbor Gazette', url: 'http://127.0.0.1:9/x', text: `${text} A third version.` },
    ])));
    expect([0, 1, 2].map((i) => corpus.article(i).outlet)).toEqual(['TASS', 'The Guardian', 'Harbor Gazette']);
  });
});

describe('compiler errors', () => {
  test('a duplicate id across inputs names both places', () => {
    const builder = new CorpusBuilder();
    builder.add(records[0]!, 'a.jsonl:3');
    expect(() => builder.add(records[0]!, 'b.jsonl:7')).toThrow(new CorpusInputError('b.jsonl', 7, 'id', `duplicate id "${records[0]!.id}" (also at a.jsonl:3)`));
  });

  test('an empty corpus is an error', () => {
    expect(() => compileCorpus([], { sources: ['empty.jsonl'] })).toThrow(/empty\.jsonl: no articles/);
  });
});

describe('artifact errors', () => {
  test.each([
    ['a foreign file', () => new TextEncoder().encode('{"id": "a"}\n{"id": "b"}'), /does not start with "PLXC"/],
    ['a truncated file', () => bytes.slice(0, 10), /too short/],
    ['a corrupted byte', () => {
      const copy = bytes.slice();
      copy[copy.length - 5]! ^= 0xff;
      return copy;
    }, /checksum mismatch/],
    ['a cut-off file', () => bytes.slice(0, bytes.length - 100), /checksum mismatch/],
    ['another format version', () => {
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint32(4, 99, true);
      return copy;
    }, /version 99 is not supported/],
  ])('%s is refused', (_name, make, message) => {
    expect(() => loadCorpus(make())).toThrow(CorpusFormatError);
    expect(() => loadCorpus(make())).toThrow(message);
  });

  test('loads from an unaligned view and from an ArrayBuffer', () => {
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(loadCorpus(padded.subarray(1)).size).toBe(5);
    expect(loadCorpus(bytes.slice().buffer).size).toBe(5);
  });
});

describe('term lookup', () => {
  test('finds ASCII and non-ASCII terms and misses absent ones', () => {
    const accented = loadCorpus(serializeCorpus(compileCorpus([{ id: 'x', outlet: null, text: 'Officials in Zürich met delegates from Москва on Monday.' }])));
    expect(accented.documentFrequency(stemWord('officials'))).toBe(1);
    expect(accented.documentFrequency('москва')).toBe(1); // stored as UTF-8, compared decoded
    expect(accented.termId('n:zurich')).toBeGreaterThan(-1); // folded
    expect(accented.termId('москвы')).toBe(-1);
    expect(accented.termId('zurichx')).toBe(-1);
    expect(corpus.termId('kremlin')).toBeGreaterThan(-1);
    expect(corpus.termText(corpus.termId('kremlin'))).toBe('kremlin');
  });
});
