export { contentHash } from './content-hash.js';
export { shingles, signature, estimatedJaccard, SHINGLE, SIGNATURE } from './minhash.js';
export { DEFAULT_DUPLICATE_INDEX_OPTIONS, MemoryDuplicateIndex, bandKeys, type DuplicateEntry, type DuplicateIndex, type DuplicateIndexState, type MemoryDuplicateIndexOptions } from './duplicate-index.js';
export { findDuplicate, DEFAULT_DUPLICATE_OPTIONS, type DuplicateCheck, type DuplicateOptions } from './find-duplicate.js';
