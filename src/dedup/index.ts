export { contentHash } from './content-hash.js';
export { shingles, signature, estimatedJaccard, SHINGLE, SIGNATURE } from './minhash.js';
export { MemoryDuplicateIndex, bandKeys, type DuplicateEntry, type DuplicateIndex } from './duplicate-index.js';
export { findDuplicate, DEFAULT_DUPLICATE_OPTIONS, type DuplicateCheck, type DuplicateOptions } from './find-duplicate.js';
