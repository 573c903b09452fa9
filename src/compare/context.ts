import type { Vocabulary } from '../cluster/index.js';
import type { FramingLexicon } from './framing-lexicon.js';

/** What a comparison reads besides the event: loaded once at start-up, shared by every comparison. */
export interface CompareContext {
  /** The clustering stage's multilingual vocabulary: how sentences in three languages meet. */
  vocabulary: Vocabulary;
  framing: FramingLexicon;
}
