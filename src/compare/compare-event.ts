import { buildAccounts, groupAccounts } from './accounts.js';
import { analyseSentence } from './analyse.js';
import { findSources } from './attribution.js';
import { buildClaims, type AccountRef } from './claims.js';
import { compareFigures } from './conflicts.js';
import type { CompareContext } from './context.js';
import { findContradictions } from './contradictions.js';
import { findEntities } from './entities.js';
import { findFraming } from './framing.js';
import { prepareArticle } from './prepared.js';
import { findRoleContradictions } from './responsibility.js';
import { DEFAULT_COMPARE_OPTIONS, representativeAccounts, type CompareOptions } from './representatives.js';
import { buildTimeline } from './timeline.js';
import type { CompareInput, Comparison, Quote, SourceCitation } from './types.js';

/**
 * Bumped whenever the comparison's output for the same input may change (algorithm, lexicon
 * format), so that stored comparisons are computed again.
 */
export const COMPARE_VERSION = 51;

/**
 * Compares the accounts of one event. Pure: the same input and context give the same comparison.
 * Claims, figures and attributions are read from the originals only: a syndicated copy repeats its
 * original (what it changed is kept on its account). An event of more than options.maxAccounts
 * accounts lists them all, and reads a representative set of them (accountsCompared says how many).
 */
export function compareEvent(input: CompareInput, context: CompareContext, options: CompareOptions = DEFAULT_COMPARE_OPTIONS): Comparison {
  const articles = input.articles.map(prepareArticle);
  const groups = groupAccounts(articles);
  const compared = representativeAccounts(groups.originals, options.maxAccounts);
  const refs: AccountRef[] = compared.map((o) => ({ url: o.article.url, country: o.article.country, at: o.at }));
  const sentences = compared.flatMap((o, account) =>
    o.sentences.map((text) => analyseSentence(text, account, o.article.language, new Date(o.time), context)),
  );
  const quotes: Quote[] = sentences.flatMap((s) => s.quotes.map((q) => ({ speaker: q.speaker, text: q.text, article: refs[s.account]!.url })));
  const sources: SourceCitation[] = sentences.flatMap((s) => findSources(s.text).map((source) => ({ source, sentence: s.text, article: refs[s.account]!.url })));
  const figures = compareFigures(sentences, refs);
  const texts = compared.map((o, account) => ({ account, language: o.article.language, text: `${o.article.title}\n${o.article.text}` }));
  return {
    event: { ...input.event, articleCount: input.articles.length },
    accounts: buildAccounts(articles, groups),
    timeline: buildTimeline(articles, groups),
    claims: buildClaims(sentences, refs),
    conflicts: figures.conflicts,
    changes: figures.changes,
    contradictions: [...findContradictions(sentences, refs), ...findRoleContradictions(sentences, refs)],
    quotes,
    sources,
    entities: findEntities(sentences, refs, context),
    framing: findFraming(texts, refs, context.framing),
    ...(compared.length < groups.originals.length ? { accountsCompared: compared.length } : {}),
  };
}
