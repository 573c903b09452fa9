export { Clusterer, DEFAULT_CLUSTERER_OPTIONS, type ClustererDeps, type ClustererOptions } from './clusterer.js';
export { MemoryDocumentFrequencies, idf, type DocumentFrequencies } from './document-frequency.js';
export { MemoryEventIndex, type EventIndex, type MemoryEventIndexOptions } from './event-index.js';
export type { EventMember, EventState } from './event-state.js';
export { eventRecord, type EventRecord } from './event-record.js';
export { extractKeys, matchPhrases, type ArticleKeys, type PhraseSpan } from './keys.js';
export type { Assignment, ClusterArticle, Why } from './types.js';
export { compileVocabulary, loadVocabulary, parseVocabularyText, type KeyInfo, type Vocabulary } from './vocabulary.js';
