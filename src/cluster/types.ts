/** An article as the clusterer receives it (the store's article, reduced to what matters here). */
export interface ClusterArticle {
  id: string;
  url: string;
  /** ISO 639-1; en, fr and ar are stemmed, others are folded only. */
  language: string;
  title: string;
  text: string;
  published: Date | null;
  outlet: string;
}

/** Why an article joined (or started) an event: what an analyst sees beside the decision. */
export interface Why {
  /** Top shared stems, heaviest first (language-prefixed: "en:releas"). */
  terms: string[];
  /** Top shared language-neutral keys: vocabulary keys, name skeletons, numbers. */
  keys: string[];
  score: number;
  /**
   * The parts the decision was made of: text and key cosines, closeness in time (1 within the
   * event's span), `otherAction` when the article reports an action the event does not, and the
   * fitted probability that the two are one event (`score` is it relative to the join bar).
   */
  parts: { text: number; keys: number; time: number; sameLanguage: boolean; otherAction: boolean; probability: number };
}

export interface Assignment {
  eventId: string;
  created: boolean;
  score: number;
  why: Why;
  /** URL of the earliest article this one copies, or null. */
  duplicateOf: string | null;
  /** Events merged into `eventId` by this decision (their ids now resolve to it). */
  merged: string[];
}
