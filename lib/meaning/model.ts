// The static sentence-embedding model (Model2Vec potion-base-4M, int8; models/ in the repository,
// PROVENANCE.md there): a sentence's vector is the mean of its WordPiece tokens' rows, unknown
// tokens left out, as Model2Vec encodes. Tokenization is the model's own (BERT normalizer, BERT
// pre-tokenizer, WordPiece: lib/meaning/wordpiece.ts, over its vocabulary): nothing fetched, the
// same in Node and in the browsers. It sees no word order and no negation: it is one piece of
// evidence among the others (lib/facts/evidence.ts), never a decision alone.
import { readModelFile } from './model-file.ts';
import { ModelFormatError, type Int8Matrix } from './safetensors.ts';
import { MEANING_DIMS, quantize, type MeaningVector } from './vectors.ts';
import { WordPieceTokenizer } from './wordpiece.ts';

/** The model the corpus artifact's vectors were computed with (artifact meta `meaning.model`). */
export const MODEL_NAME = 'potion-base-4M-int8';

/** The model as the extension's package and models/ hold it. */
export interface ModelFiles {
  /** parallax-model.bin: embeddings and vocabulary (./model-file.ts), derived from model.safetensors and tokenizer.json */
  model: Uint8Array;
}

/** Words whose token ids are remembered: a news vocabulary's worth. */
const WORDS_KEPT = 50_000;

/**
 * Printable ASCII and the general punctuation news uses (dashes, curly quotes, bullets, the
 * ellipsis; U+2010-U+2027): no control, format or whitespace character but the space, no CJK,
 * nothing NFD decomposes. The BERT normalizer (clean text, CJK spacing, lower case, accents
 * stripped) leaves such text lower-cased and otherwise as it is, and its character-by-character
 * passes are the slowest part of encoding a sentence.
 */
const PLAIN = /^[\x20-\x7e\u2010-\u2027]*$/;

export class SentenceModel {
  readonly name = MODEL_NAME;
  readonly dims = MEANING_DIMS;
  private readonly tokenizer: WordPieceTokenizer;
  private readonly embeddings: Int8Matrix;
  private readonly unknownId: number;
  // WordPiece splits each pre-tokenized word on its own, so a word's ids never depend on its
  // neighbours: remembering them skips the model's longest-match search for words seen before.
  private readonly wordIds = new Map<string, Int32Array>();
  private readonly sum = new Float64Array(MEANING_DIMS);

  constructor(files: ModelFiles) {
    if (!(files.model instanceof Uint8Array)) throw new ModelFormatError('the model file was not read as bytes');
    const file = readModelFile(files.model);
    this.embeddings = file;
    this.tokenizer = new WordPieceTokenizer(file.vocabulary);
    if (this.embeddings.columns < MEANING_DIMS) throw new ModelFormatError(`the embeddings have ${this.embeddings.columns} dimensions, fewer than ${MEANING_DIMS}`);
    this.unknownId = this.tokenizer.unknownId;
  }

  /** Token ids of `text`, as the tokenizer's encode gives them without special tokens. */
  tokenIds(text: string): number[] {
    const { normalize, preTokenize } = this.tokenizer;
    const words = preTokenize(PLAIN.test(text) ? text.toLowerCase() : normalize(text));
    const ids: number[] = [];
    for (const word of words) {
      let known = this.wordIds.get(word);
      if (known === undefined) {
        known = this.tokenizer.wordIds(word);
        if (this.wordIds.size >= WORDS_KEPT) this.wordIds.clear();
        this.wordIds.set(word, known);
      }
      for (const id of known) ids.push(id);
    }
    return ids;
  }

  /** The sentence's meaning vector (lib/meaning/vectors.ts); all zero without known tokens. */
  encode(text: string): MeaningVector {
    const { values, columns } = this.embeddings;
    const sum = this.sum.fill(0);
    let count = 0;
    for (const id of this.tokenIds(text)) {
      if (id === this.unknownId) continue;
      const row = id * columns;
      for (let d = 0; d < MEANING_DIMS; d++) sum[d]! += values[row + d]!;
      count++;
    }
    // The mean's scale cancels in the cosine: the sum is quantized directly.
    return count === 0 ? new Int8Array(MEANING_DIMS) : quantize(sum);
  }
}
