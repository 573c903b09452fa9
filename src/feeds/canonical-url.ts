/**
 * Query parameters that only say where a click came from (the lists Miniflux's urlcleaner and
 * the browsers' query-stripping use, plus the AT Internet xtor= that French outlets append). Two links to one article that differ
 * only in these must become one URL, or the same story is stored (and fetched) twice.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'vero_conv', 'wt_mc', 'ref_src', 'ref_url', '__twitter_impression', 'at_medium',
  'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'xtor', 'ncid', 'sr_share',
  'cmpid', 'ocid', '_ga', '_gl', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
  'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', 'fb_comment_id', '_openstat', 'gbraid',
  'wbraid', 'srsltid', 'ysclid', 'mc_tc', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'rb_clickid',
  'sc_cid', '_bhlid', 'wickedid', 'campaign_id', 'campaign_medium', 'campaign_name', 'campaign_source',
  'campaign_term', 'campaign_content',
]);

/** Prefixes of whole families of tracking parameters (utm_source, utm_medium, ..., pk_campaign, Matomo's mtm_*). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'hsa_', 'matomo_', 'mtm_', 'itm_', 'hmb_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * Resolves `href` against the base URLs in order (innermost xml:base first, then the feed's link,
 * then the feed URL) and canonicalises it: fragment dropped, tracking parameters removed (other
 * parameters kept in their order), host lower-cased (the URL parser does that), only http(s).
 * Returns null for anything that cannot be an article address (mailto:, javascript:, garbage).
 */
export function canonicalUrl(href: string | null | undefined, ...bases: (string | null | undefined)[]): string | null {
  const raw = href?.trim();
  if (!raw) return null;
  const url = resolve(raw, bases);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const params = [...url.searchParams];
  const kept = params.filter(([name]) => !isTrackingParam(name));
  if (kept.length !== params.length) {
    // Rebuilt only when something was removed: URLSearchParams re-encodes what it serialises
    // (spaces become '+'), and an untouched query must stay byte for byte the publisher's.
    url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  if (url.search === '?') url.search = '';
  return url.href;
}

/** Resolves a URL that is not an article link (images, the site link): same rules, parameters untouched. */
export function absoluteUrl(href: string | null | undefined, ...bases: (string | null | undefined)[]): string | null {
  const raw = href?.trim();
  if (!raw) return null;
  const url = resolve(raw, bases);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  return url.href;
}

function resolve(raw: string, bases: (string | null | undefined)[]): URL | null {
  // Protocol-relative and relative links need a base; an absolute one ignores it. Bases can be
  // relative themselves (xml:base="/blog/"), so each is resolved against the ones after it.
  let base: string | undefined;
  for (let i = bases.length - 1; i >= 0; i--) {
    const b = bases[i]?.trim();
    if (!b) continue;
    try {
      base = new URL(b, base).href;
    } catch {
      // An unusable base is skipped, not fatal: the next one out may still resolve the link.
    }
  }
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}
