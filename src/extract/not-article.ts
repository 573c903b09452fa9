/**
 * Pages that are not articles: the pipeline keeps the feed's content for them instead of storing
 * a menu, a gallery's captions or a cookie notice as the article's text.
 */
export interface PageEvidence {
  title: string | null;
  h1: string | null;
  ogType: string | null;
  jsonLdType: string | null;
  /** Characters of the extracted main text. */
  textChars: number;
  /** Characters of all the page's text blocks, and of those inside links. */
  pageChars: number;
  pageLinkChars: number;
  /** Blocks that are one link of headline length: the stuff of section fronts. */
  headlineLinks: number;
  /** Whole-page text, for wording that gives consent walls and error pages away (a sample). */
  pageText: string;
  /** The extracted main text (a sample). */
  text: string;
}

const ERROR = /\b(404|410|page not found|not found|page introuvable|page non trouvée|erreur 404|error 404|no longer available|n'existe plus|n’existe plus)\b|الصفحة غير موجودة|خطأ 404/i;
const CONSENT = /\b(cookies?|consent|consentement|gdpr|rgpd|privacy settings|paramètres de confidentialité|vie privée|accept all|tout accepter|j'accepte|i agree)\b|ملفات تعريف الارتباط/gi;
export const MIN_ARTICLE_CHARS = 250;

/** Distinct consent words: an article on baking says "cookies" often, a wall says more than that. */
function consentTerms(text: string): number {
  return new Set((text.match(CONSENT) ?? []).map((m) => m.toLowerCase().replace(/s$/, ''))).size;
}

export function notArticleReason(e: PageEvidence): string | null {
  const heading = `${e.title ?? ''} ${e.h1 ?? ''}`;
  if (ERROR.test(heading) && e.textChars < 1500) return 'error page';
  // A cookie banner beside an article is common; a wall is when the consent notice is what the
  // page has to say: it is the main text, or nothing else is there.
  const consentInText = consentTerms(e.text);
  const consentInPage = consentTerms(e.pageText);
  if ((consentInText >= 2 && e.textChars < 1500) || (consentInPage >= 2 && e.textChars < MIN_ARTICLE_CHARS)) return 'consent wall';
  const type = `${e.ogType ?? ''} ${e.jsonLdType ?? ''}`.toLowerCase();
  if (/gallery|imagegallery|mediagallery|video\./.test(type) && e.textChars < 1000) return 'gallery or media page';
  if (e.textChars < MIN_ARTICLE_CHARS) {
    if (e.pageLinkChars > 0.5 * e.pageChars) return 'index page (mostly links)';
    if (e.headlineLinks >= 4) return 'index page (list of headlines)';
    return 'too little text';
  }
  // A section front: a website-typed page whose text is mostly links and teasers.
  if (/\bwebsite\b/.test(type) && (e.pageLinkChars > 0.5 * e.pageChars || e.headlineLinks >= 10) && e.textChars < 0.2 * e.pageChars) return 'index page (mostly links)';
  return null;
}
