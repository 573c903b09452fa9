import { describe, expect, test } from 'vitest';
import { absoluteUrl, canonicalUrl, isTrackingParam } from '../../src/feeds/canonical-url.js';

describe('canonicalUrl', () => {
  test.each([
    ['drops utm_* and keeps other parameters in order', 'https://ex.org/a?id=3&utm_source=rss&utm_medium=feed&page=2', 'https://ex.org/a?id=3&page=2'],
    ['drops fbclid, gclid, mc_cid, mc_eid, igshid', 'https://ex.org/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=z&q=mali', 'https://ex.org/a?q=mali'],
    ["drops AT Internet's xtor (French outlets' RSS tag)", 'https://www.lemonde.fr/afrique/article/2024/x.html?xtor=RSS-3208', 'https://www.lemonde.fr/afrique/article/2024/x.html'],
    ['drops the fragment', 'https://ex.org/a#comments', 'https://ex.org/a'],
    ['drops an empty query left after removal', 'https://ex.org/a?utm_campaign=x', 'https://ex.org/a'],
    ['lower-cases the host, keeps the path case', 'HTTPS://WWW.Ex.ORG/Path/To', 'https://www.ex.org/Path/To'],
    ['leaves an untouched query byte for byte', 'https://ex.org/s?q=a+b&x=%20y', 'https://ex.org/s?q=a+b&x=%20y'],
    ['keeps parameters that only look similar', 'https://ex.org/a?source=rss&utm=1&ref=home', 'https://ex.org/a?source=rss&utm=1&ref=home'],
    ['matches tracking names case-insensitively', 'https://ex.org/a?UTM_Source=x&id=1', 'https://ex.org/a?id=1'],
    ['drops user info', 'https://user:pw@ex.org/a', 'https://ex.org/a'],
  ])('%s', (_why, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  test('resolves relative links against the innermost base first', () => {
    expect(canonicalUrl('item/1', 'https://ex.org/blog/', 'https://feeds.ex.org/rss')).toBe('https://ex.org/blog/item/1');
    expect(canonicalUrl('/item/1', 'https://ex.org/blog/')).toBe('https://ex.org/item/1');
  });

  test('resolves a relative xml:base against the outer base', () => {
    expect(canonicalUrl('post', 'sub/', '/blog/', 'https://ex.org/feed.xml')).toBe('https://ex.org/blog/sub/post');
  });

  test('skips a base that is not a URL and uses the next', () => {
    expect(canonicalUrl('a', 'http://[bad', 'https://ex.org/x/')).toBe('https://ex.org/x/a');
  });

  test('resolves protocol-relative links', () => {
    expect(canonicalUrl('//cdn.ex.org/a', 'https://ex.org/')).toBe('https://cdn.ex.org/a');
  });

  test.each(['mailto:a@ex.org', 'javascript:alert(1)', 'ftp://ex.org/a', '', '   ', 'http://'])('rejects %j', (input) => {
    expect(canonicalUrl(input, 'https://ex.org/')).toBeNull();
  });

  test('rejects a relative link with no base', () => {
    expect(canonicalUrl('/a')).toBeNull();
  });

  test('absoluteUrl resolves but leaves the query alone (image URLs are not identities)', () => {
    expect(absoluteUrl('/img.jpg?utm_source=x', 'https://ex.org/a/')).toBe('https://ex.org/img.jpg?utm_source=x');
  });

  test('isTrackingParam', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('mtm_campaign')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});
