/**
 * Synthetic corpus generator: public API.
 */
export * from './generate-corpus.ts';
export * from './vocabulary.ts';
