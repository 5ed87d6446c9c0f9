// The sentence model's tokenizer, over the vocabulary of the model file (./model-file.ts) instead
// of tokenizer.json: parsing that JSON and building the tokenizer package's tables from its
// vocabulary object took about 70 ms of every cold start. The settings tokenizer.json gives (BERT
// normalizer, BERT pre-tokenizer, WordPiece with '##' continuations) are fixed here;
// lib/meaning/model.test.ts checks them against the vendored tokenizer.json and every token id
// against the tokenizer package.
import { BertNormalizer, BertPreTokenizer } from '@huggingface/tokenizers';
import type { HashedVocabulary } from './model-file.ts';
import { ModelFormatError } from './safetensors.ts';

/** tokenizer.json's settings other than the vocabulary (checked against the vendored file by the tests). */
export const TOKENIZER_SETTINGS = {
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  preTokenizer: { type: 'BertPreTokenizer' },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100 },
} as const;

/** tokenizer.json's WordPiece tokens in id order. */
export function vocabularyTokens(tokenizer: unknown): string[] {
  const vocab = (tokenizer as { model?: { vocab?: unknown } } | null)?.model?.vocab;
  if (vocab === null || typeof vocab !== 'object') throw new ModelFormatError('tokenizer.json has no WordPiece vocabulary');
  const tokens: string[] = [];
  for (const [token, id] of Object.entries(vocab as Record<string, unknown>)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new ModelFormatError(`tokenizer.json gives "${token}" the id ${String(id)}`);
    if (tokens[id] !== undefined) throw new ModelFormatError(`tokenizer.json gives the id ${id} to two tokens`);
    tokens[id] = token;
  }
  for (let id = 0; id < tokens.length; id++) if (tokens[id] === undefined) throw new ModelFormatError(`tokenizer.json gives no token the id ${id}`);
  return tokens;
}

export class WordPieceTokenizer {
  /** Text to words, as the BERT normalizer and pre-tokenizer of tokenizer.json give them. */
  // strip_accents is null in tokenizer.json (the package's types say boolean): as there, accents go with lower case.
  readonly normalize = new BertNormalizer(TOKENIZER_SETTINGS.normalizer as unknown as ConstructorParameters<typeof BertNormalizer>[0]);
  readonly preTokenize = new BertPreTokenizer();
  readonly size: number;
  readonly unknownId: number;

  constructor(private readonly vocabulary: HashedVocabulary) {
    this.size = vocabulary.size;
    const unknown = TOKENIZER_SETTINGS.model.unk_token;
    this.unknownId = vocabulary.find(unknown, 0, unknown.length, false);
    if (this.unknownId === -1) throw new ModelFormatError(`the vocabulary has no ${unknown} token`);
  }

  /**
   * One pre-tokenized word's ids: the longest vocabulary token at its start, then the longest
   * '##' continuation at each next character, the whole word unknown when a piece is not found
   * or the word is over 100 characters long (as WordPiece does). Characters are code points.
   */
  wordIds(word: string): Int32Array {
    // Code-unit offsets of the word's code points, its length last; null when every code point is
    // one code unit (nearly every word), where the offsets are the indices themselves.
    const bounds = codePointBounds(word);
    const chars = bounds === null ? word.length : bounds.length - 1;
    if (chars > TOKENIZER_SETTINGS.model.max_input_chars_per_word) return Int32Array.of(this.unknownId);
    const offset = (k: number) => (bounds === null ? k : bounds[k]!);
    let pieces: number[] | null = null;
    let start = 0;
    while (start < chars) {
      let end = chars;
      let found = -1;
      while (start < end) {
        // A piece after the first is a '##' continuation (TOKENIZER_SETTINGS, HashedVocabulary.find).
        found = this.vocabulary.find(word, offset(start), offset(end), start > 0);
        if (found !== -1) break;
        end--;
      }
      if (found === -1) return Int32Array.of(this.unknownId);
      // Most words are one vocabulary token: no list for them.
      if (start === 0 && end === chars) return Int32Array.of(found);
      (pieces ??= []).push(found);
      start = end;
    }
    return Int32Array.from(pieces ?? []);
  }
}

/** Code-unit offsets of a word's code points and its length last, or null when it has no surrogate pair. */
function codePointBounds(word: string): number[] | null {
  let bounds: number[] | null = null;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < word.length) {
      const next = word.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // The first pair: the offsets so far were the indices.
        bounds ??= Array.from({ length: i }, (_, k) => k);
        bounds.push(i);
        i++;
        continue;
      }
    }
    bounds?.push(i);
  }
  bounds?.push(word.length);
  return bounds;
}
