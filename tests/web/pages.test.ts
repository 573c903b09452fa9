import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { renderComparison } from '../../src/web/comparison-page.js';
import { renderEventsList } from '../../src/web/events-list.js';
import { renderFeedsPage } from '../../src/web/feeds-page.js';
import type { FeedView } from '../../src/store/index.js';
import { COMPARISON, HOSTILE, URLS } from './fixtures/comparison.js';

/** The render functions alone: data in, HTML out, read back with a real HTML parser. */
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('comparison page', () => {
  const page = renderComparison(COMPARISON).toString();
  const $ = load(page);

  test("article text is escaped: an outlet's markup is shown as text, never run", () => {
    expect(page).not.toContain(HOSTILE);
    expect($('script').text()).not.toContain('alert');
    expect($('h1').text()).toBe(`Drivers freed ${HOSTILE}`);
  });

  test('accounts are columns, with copies folded under their original', () => {
    const heads = $('table.matrix th.account');
    expect(heads.map((_, h) => $(h).find('.outlet').text().trim()).get()).toEqual(['ORTM', 'Hespress', 'Sahel Wire']);
    expect(heads.eq(2).text()).toContain('West Africa Daily');
    expect(heads.eq(2).text()).toContain('1 sentences added');
  });

  test("claims are rows: shared and unique marked, each wording in its account's column, linked to its article", () => {
    const rows = $('table.matrix tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows.eq(0).attr('class')).toContain('shared');
    expect(rows.eq(1).attr('class')).toContain('unique');
    expect(rows.eq(1).find('td.claim').text()).toContain('unique to Sahel Wire');
    const cells = rows.eq(1).find('td.says');
    expect(cells.map((_, c) => $(c).attr('class')).get()).toEqual(['says silent', 'says silent', 'says made']);
    expect(cells.eq(2).find('a').attr('href')).toBe(URLS.WIRE);
    expect(rows.eq(0).find('td.says a').map((_, a) => $(a).attr('href')).get()).toEqual([URLS.ORTM, URLS.HESPRESS, URLS.WIRE]);
  });

  test('Arabic is laid out right to left', () => {
    const arabic = $('td.says.made').filter((_, c) => $(c).text().includes('أعلنت'));
    expect(arabic.attr('lang')).toBe('ar');
    expect(arabic.attr('dir')).toBe('rtl');
    const french = $('td.says.made').filter((_, c) => $(c).text().includes('Le gouvernement'));
    expect(french.attr('lang')).toBe('fr');
    expect(french.attr('dir')).toBeUndefined();
  });

  test('conflicts are highlighted with each value and its outlets; a non-web URL is not linked', () => {
    const box = $('#conflicts .conflict');
    expect(box.find('h3').text()).toBe('Conflicting count: hostages released');
    const values = box.find('li').map((_, li) => text($(li).text())).get();
    expect(values[0]).toMatch(/^4 according to ORTM \(ML, fr\), Hespress \(MA, ar\)/);
    expect(values[1]).toMatch(/^5 according to javascript:alert\(1\)/);
    expect($('a').map((_, a) => $(a).attr('href')).get()).not.toContainEqual(expect.stringMatching(/^javascript:/));
    // Two of the shared claim's wordings are the conflict's quotes: its row is marked, and those cells.
    const row = $('table.matrix tbody tr').eq(0);
    expect(row.attr('class')).toContain('has-conflict');
    expect(row.find('td.says').map((_, c) => $(c).hasClass('conflicting')).get()).toEqual([true, true, false]);
  });

  test('contradictions, quotes, sources, entities named by some only, and framing are shown', () => {
    expect($('.contradiction').text()).toContain("Aucune rançon n'a été versée.");
    expect($('#voices').text()).toContain('The minister');
    expect($('#voices td[dir=rtl]').length).toBeGreaterThan(0);
    expect($('#entities').text()).toContain('ANSE');
    expect($('#entities').text()).not.toContain('Bamako');
    expect($('#framing').text()).toContain('armed men');
  });
});

describe('events list', () => {
  const events = Array.from({ length: 3 }, (_, i) => ({
    id: `ev-${i}`, title: i === 0 ? HOSTILE : `Event ${i}`, firstSeen: '2025-08-01T00:00:00.000Z', lastUpdated: '2025-08-02T00:00:00.000Z',
    articleCount: 2, outlets: ['ORTM', '<b>x</b>'], outletCountries: ['ML'], countries: ['MA'], languages: ['ar', 'fr'],
  }));
  const render = (pageNumber: number, total: number) => renderEventsList({
    page: { events, total }, filters: { country: 'ML', language: 'fr' }, pageNumber, pageSize: 3,
    options: { countries: ['MA', 'ML'], languages: ['ar', 'fr'], watchlists: null }, now: new Date('2025-08-02T03:00:00Z'),
  }).toString();

  test('one row per event, linked to its comparison, with outlets, countries, languages and counts, escaped', () => {
    const html = render(1, 3);
    const $ = load(html);
    const rows = $('table.events tbody tr');
    expect(rows.map((_, r) => $(r).find('a').attr('href')).get()).toEqual(['/events/ev-0', '/events/ev-1', '/events/ev-2']);
    expect(rows.eq(0).text()).toContain(HOSTILE);
    expect(html).not.toContain('<b>x</b>');
    expect(text(rows.eq(1).text())).toContain('ORTM, <b>x</b>');
    expect(rows.eq(1).text()).toContain('about MA');
    expect(rows.eq(1).text()).toContain('3 h ago');
    expect($('select[name=country] option[selected]').attr('value')).toBe('ML');
    expect($('select[name=watchlist]')).toHaveLength(0);
  });

  test('pages link to their neighbours, keeping the filters', () => {
    const $ = load(render(2, 9));
    expect($('a[rel=prev]').attr('href')).toBe('/?country=ML&language=fr');
    expect($('a[rel=next]').attr('href')).toBe('/?country=ML&language=fr&page=3');
    expect($('.pager').text()).toContain('page 2 of 3');
  });
});

describe('feeds page', () => {
  const feed = (over: Partial<FeedView>): FeedView => ({
    id: 'f', url: 'https://f.example/feed', outlet: 'F', country: 'ML', language: 'fr', interval: '15m', tags: [], robots: true, active: true,
    title: null, lastPollAt: null, lastSuccessAt: null, nextPollAt: null, consecutiveErrors: 0, lastError: null, lastErrorKind: null,
    lastHttpStatus: null, itemsTotal: 0, extract: null, blockedLastPoll: 0, ruleMisses: 0, lastRuleMissAt: null, lastRuleMissUrl: null, maxItems: 500, itemsDropped: 0, health: 'new', ...over,
  });
  test('failing feeds first, with their error streak, last error, next poll and back-off', () => {
    const $ = load(renderFeedsPage({
      now: new Date('2025-08-02T12:00:00Z'),
      feeds: [
        feed({ id: 'good', outlet: 'Good', health: 'ok', lastPollAt: '2025-08-02T11:50:00Z', lastSuccessAt: '2025-08-02T11:50:00Z', itemsTotal: 12 }),
        feed({ id: 'bad', outlet: 'Bad', health: 'failing', consecutiveErrors: 3, lastError: `HTTP 503 ${HOSTILE}`, lastErrorKind: 'http', lastHttpStatus: 503,
          lastSuccessAt: '2025-08-01T12:00:00Z', nextPollAt: '2025-08-02T14:00:00Z' }),
      ],
    }).toString());
    const rows = $('table.feeds tbody tr');
    expect(rows.map((_, r) => $(r).attr('data-feed-id')).get()).toEqual(['bad', 'good']);
    const bad = text(rows.eq(0).text());
    expect(bad).toContain('failing');
    expect(bad).toContain('http 503');
    expect(bad).toContain(HOSTILE);
    expect(bad).toContain('24 h ago');
    expect(bad).toContain('backing off until 2025-08-02 14:00 UTC');
    expect(bad).toContain('in 2 h');
    expect(rows.eq(0).find('td.num').first().text()).toBe('3');
    expect(rows.eq(1).text()).toContain('10 min ago');
    expect(rows.eq(1).text()).not.toContain('capped');
  });

  test('a feed whose last poll was capped says how many items it left out', () => {
    const $ = load(renderFeedsPage({
      now: new Date('2025-08-02T12:00:00Z'),
      feeds: [feed({ id: 'flood', outlet: 'Flood', health: 'ok', lastPollAt: '2025-08-02T11:50:00Z', itemsTotal: 500, itemsDropped: 99_500 })],
    }).toString());
    expect(text($('tr[data-feed-id=flood] td.num').last().text())).toContain('capped last poll left out 99500 older items (cap 500)');
  });
});
