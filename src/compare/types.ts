/**
 * The comparison of one event's accounts (issue 5). These shapes are a contract: `parallax compare
 * --json`, `GET /api/events/:id/compare`, the web page and alerts' `divergence` trigger all read
 * them. Add fields; never rename or remove one. Articles are referred to by URL, as the issue asks,
 * so an analyst can cite every line.
 */

/** One article of the event, as the compare stage needs it (the store supplies it). */
export interface CompareArticle {
  id: string;
  url: string;
  outlet: string;
  /** ISO 3166 code of the outlet's country. */
  country: string;
  /** 'en' | 'fr' | 'ar' at least; anything else is compared on numbers and entities only. */
  language: string;
  title: string;
  /** ISO time; null when neither feed nor page gave one (then discoveredAt orders it). */
  published: string | null;
  discoveredAt: string;
  /** Id of the article this one is a syndicated copy of, if any. */
  duplicateOf: string | null;
  /** Paragraphs separated by blank lines. */
  text: string;
}

export interface CompareInput {
  event: { id: string; title: string; firstSeen: string; lastUpdated: string };
  articles: CompareArticle[];
}

/** A syndicated copy folded under its original, with what the copy changed. */
export interface AccountCopy {
  url: string;
  outlet: string;
  country: string;
  language: string;
  published: string | null;
  /** Sentences in the copy and not in the original. */
  added: string[];
  /** Sentences in the original and not in the copy. */
  dropped: string[];
}

/** One independent account: an original article, with its syndicated copies. */
export interface Account {
  url: string;
  outlet: string;
  country: string;
  language: string;
  title: string;
  published: string | null;
  copies: AccountCopy[];
}

export interface TimelineEntry {
  url: string;
  outlet: string;
  country: string;
  language: string;
  /** Publication (or discovery) time, ISO. */
  at: string;
  /** Minutes after the first report of the event. */
  afterFirstMinutes: number;
  /** First report of the event overall, from its country, in its language. */
  first: boolean;
  firstFromCountry: boolean;
  firstInLanguage: boolean;
  /** A syndicated copy (its original's URL), or null. */
  copyOf: string | null;
}

/** One account's wording of a claim. */
export interface ClaimWording {
  url: string;
  language: string;
  text: string;
}

/** A fact, as the sentences of several accounts state it (aligned across wording and language). */
export interface Claim {
  /** A representative wording (the earliest account's sentence). */
  text: string;
  /** Every account's wording, one per account that makes the claim. */
  wordings: ClaimWording[];
  /** URLs of the accounts that make it (originals only; copies follow their original). */
  articles: string[];
  /** Made by most accounts. */
  shared: boolean;
  /** Made by one account only, or by the outlets of one country only (and not shared). */
  unique: boolean;
  /** When unique: by one account, or by the outlets of one country (its code). */
  uniqueTo: { kind: 'account'; url: string } | { kind: 'country'; country: string } | null;
}

export interface ConflictValue {
  /** The normalised value: a number ("4"), an ISO date ("2025-08-01"), an amount ("5000000 EUR"). */
  value: string;
  /** URLs of the accounts giving this value. */
  articles: string[];
  /** The sentences that give it, as written. */
  quotes: string[];
}

/** Figures attached to the same subject that differ between accounts. */
export interface Conflict {
  /** The subject in words, e.g. "hostages released", "date of capture", "ransom paid". */
  about: string;
  kind: 'count' | 'date' | 'amount' | 'duration';
  values: ConflictValue[];
}

/** One end of a figure that changed over time: the value, when it was published, by whom. */
export interface FigureChangeEnd {
  value: string;
  /** Publication (or discovery) time of the account, ISO. */
  at: string;
  articles: string[];
  quotes: string[];
}

/**
 * A toll that accounts published later give higher ("at least 5" in the morning, "at least 50" in
 * the evening): a figure overtaken by events, not a disagreement. Shown earliest and latest.
 */
export interface FigureChange {
  about: string;
  kind: Conflict['kind'];
  earliest: FigureChangeEnd;
  latest: FigureChangeEnd;
}

/** One account asserts what another denies. */
export interface Contradiction {
  about: string;
  asserts: { text: string; articles: string[] };
  denies: { text: string; articles: string[] };
}

export interface Quote {
  /** Who is quoted, as the article names them; null when the article does not say. */
  speaker: string | null;
  text: string;
  article: string;
}

export interface SourceCitation {
  /** The source as cited: "a security source", "selon le ministère", "حسب مصادر محلية". */
  source: string;
  sentence: string;
  article: string;
}

export interface EntityMention {
  name: string;
  /** URLs of the accounts naming it. */
  articles: string[];
  /** Named by every account. */
  everyAccount: boolean;
}

/** A loaded term one account uses and others do not (config/framing/*.yaml). */
export interface FramingTerm {
  term: string;
  language: string;
  /** The lexicon's category, e.g. "actors" ("terrorists" vs "armed men"). */
  category: string;
  /** Why it is listed: the lexicon's note. */
  note: string;
  articles: string[];
  /** Neutral or opposite terms of the same category that other accounts use. */
  othersUse: string[];
}

export interface Comparison {
  event: { id: string; title: string; firstSeen: string; lastUpdated: string; articleCount: number };
  accounts: Account[];
  timeline: TimelineEntry[];
  claims: Claim[];
  conflicts: Conflict[];
  /** Figures that changed over time rather than conflict; absent from comparisons stored before it. */
  changes?: FigureChange[];
  contradictions: Contradiction[];
  quotes: Quote[];
  sources: SourceCitation[];
  /** Entities named by some accounts but not all (and those named by all, flagged). */
  entities: EntityMention[];
  framing: FramingTerm[];
  /**
   * Present only when the event has more accounts than the comparison reads (CompareOptions
   * maxAccounts): how many representative accounts its claims, figures and the rest come from.
   */
  accountsCompared?: number;
}
