import { HtmlSafeString, join, safe } from 'escape-html-template-tag';

/**
 * Every page is built with one tagged template (escape-html-template-tag): each interpolated value
 * is escaped unless it is itself a template result, so article text (untrusted: any outlet can
 * write anything) can only ever reach the page as text. `safe` is for our own constant markup only.
 */
export { join, safe, HtmlSafeString as Html };

// The package's default export (this very function) is typed as CommonJS but loaded as ESM, so
// under NodeNext its default import has the wrong type; its public constructor is the same thing.
export const html = (parts: TemplateStringsArray, ...subs: unknown[]): HtmlSafeString => new HtmlSafeString(parts, subs);

/** Right-to-left scripts among the languages Parallax reads. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** lang and dir attributes for text in a language, so Arabic reads right to left. */
export function langAttrs(language: string): HtmlSafeString {
  return RTL.has(language) ? html`lang="${language}" dir="rtl"` : html`lang="${language}"`;
}

/**
 * A link to an article, or its text alone when the URL is not http(s): a feed can carry
 * `javascript:` links, and escaping does not make those harmless in an href.
 */
export function link(url: string, text: string | HtmlSafeString, attrs: HtmlSafeString = html``): HtmlSafeString {
  return isWebUrl(url) ? html`<a href="${url}" ${attrs} rel="noopener noreferrer">${text}</a>` : html`<span>${text}</span>`;
}

export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** "2025-08-01 18:30 UTC" in a <time> element; analysts compare times across countries, so UTC. */
export function time(iso: string | null): HtmlSafeString {
  if (!iso) return html`<span class="muted">unknown</span>`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return html`<span class="muted">unknown</span>`;
  return html`<time datetime="${d.toISOString()}">${d.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** "3 h ago", "2 d ago": how stale a feed or an event is, relative to `now`. */
export function ago(iso: string | null, now: Date): string {
  if (!iso) return '';
  const s = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  const abs = Math.abs(s);
  const unit = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 129_600 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86_400)} d`;
  return s >= 0 ? `${unit} ago` : `in ${unit}`;
}
