export { MODEL_NAME, SentenceModel, type ModelFiles } from './model.ts';
export { hasSentenceModel, sentenceModel, useSentenceModel } from './current.ts';
export { ModelFormatError } from './safetensors.ts';
export { MEANING_DIMS, meaningCosine, quantize, type MeaningVector } from './vectors.ts';
