// The static sentence-embedding model (Model2Vec potion-base-4M, int8; models/ in the repository,
// PROVENANCE.md there): a sentence's vector is the mean of its WordPiece tokens' rows, unknown
// tokens left out, as Model2Vec encodes. Tokenization is @huggingface/tokenizers reading the
// model's own tokenizer.json (BERT normalizer, BERT pre-tokenizer, WordPiece): nothing fetched,
// the same in Node and in the browsers. It sees no word order and no negation: it is one piece of
// evidence among the others (lib/facts/evidence.ts), never a decision alone.
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelFormatError, readInt8Tensor, type Int8Matrix } from './safetensors.ts';
import { MEANING_DIMS, quantize, type MeaningVector } from './vectors.ts';

/** The model the corpus artifact's vectors were computed with (artifact meta `meaning.model`). */
export const MODEL_NAME = 'potion-base-4M-int8';

/** The files of the model, as bytes and parsed JSON. */
export interface ModelFiles {
  /** model.safetensors */
  embeddings: Uint8Array;
  /** tokenizer.json, parsed */
  tokenizer: unknown;
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

/** The normalizer this fast path stands in for (the vendored model's tokenizer.json). */
function isPlainBertNormalizer(config: unknown): boolean {
  if (config === null || typeof config !== 'object') return false;
  const c = config as Record<string, unknown>;
  return c.type === 'BertNormalizer' && c.clean_text === true && c.handle_chinese_chars === true && c.lowercase === true && (c.strip_accents ?? true) === true;
}

export class SentenceModel {
  readonly name = MODEL_NAME;
  readonly dims = MEANING_DIMS;
  private readonly tokenizer: Tokenizer;
  private readonly embeddings: Int8Matrix;
  private readonly unknownId: number | undefined;
  // WordPiece splits each pre-tokenized word on its own, so a word's ids never depend on its
  // neighbours: remembering them skips the model's longest-match search for words seen before.
  private readonly wordIds = new Map<string, Int32Array>();
  private readonly sum = new Float64Array(MEANING_DIMS);
  private readonly plainNormalizer: boolean;

  constructor(files: ModelFiles) {
    this.embeddings = readInt8Tensor(files.embeddings, 'embeddings');
    if (files.tokenizer === null || typeof files.tokenizer !== 'object') throw new ModelFormatError('tokenizer.json is not a JSON object');
    this.tokenizer = new Tokenizer(files.tokenizer, {});
    const { normalizer, pre_tokenizer: preTokenizer, model } = this.tokenizer;
    if (normalizer === null || preTokenizer === null || model === null) throw new ModelFormatError('tokenizer.json lacks a normalizer, pre-tokenizer or model');
    if (model.vocab.length !== this.embeddings.rows) {
      throw new ModelFormatError(`tokenizer.json has ${model.vocab.length} tokens but the embeddings have ${this.embeddings.rows} rows`);
    }
    if (this.embeddings.columns < MEANING_DIMS) throw new ModelFormatError(`the embeddings have ${this.embeddings.columns} dimensions, fewer than ${MEANING_DIMS}`);
    this.unknownId = model.unk_token_id;
    this.plainNormalizer = isPlainBertNormalizer((normalizer as { config?: unknown }).config);
  }

  /** Token ids of `text`, as the tokenizer's encode gives them without special tokens. */
  tokenIds(text: string): number[] {
    const { normalizer, pre_tokenizer: preTokenizer, model } = this.tokenizer;
    const words = preTokenizer!(this.plainNormalizer && PLAIN.test(text) ? text.toLowerCase() : normalizer!(text));
    const ids: number[] = [];
    for (const word of words) {
      let known = this.wordIds.get(word);
      if (known === undefined) {
        known = Int32Array.from(model!([word]), (token) => model!.tokens_to_ids.get(token) ?? this.unknownId ?? -1);
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
      if (id < 0 || id === this.unknownId) continue;
      const row = id * columns;
      for (let d = 0; d < MEANING_DIMS; d++) sum[d]! += values[row + d]!;
      count++;
    }
    // The mean's scale cancels in the cosine: the sum is quantized directly.
    return count === 0 ? new Int8Array(MEANING_DIMS) : quantize(sum);
  }
}
