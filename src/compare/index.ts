export { compareEvent, COMPARE_VERSION } from './compare-event.js';
export { DEFAULT_COMPARE_OPTIONS, representativeAccounts, type CompareOptions } from './representatives.js';
export type { CompareContext } from './context.js';
export { compileFramingLexicon, loadFramingLexicon, parseFramingText, type FramingEntry, type FramingFile, type FramingLexicon } from './framing-lexicon.js';
export { splitSentences } from './sentences.js';
export type * from './types.js';
