import { describe, expect, it } from 'vitest';
import { classEvidence } from '../../src/extract/patterns.js';

describe('class and id evidence', () => {
  it('reads a BEM class by its element, not by the block it sits in', () => {
    expect(classEvidence('article-content__copyright', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('story__related-links', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('sidebar__article-body', undefined)).toMatchObject({ negative: false, positive: true });
  });

  it('ignores a BEM modifier that says where, not what', () => {
    expect(classEvidence('ad-unit ad-unit--in-article', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('article-body article-body--wide', undefined)).toMatchObject({ negative: false, positive: true });
  });

  it('reads plain hyphenated names word by word, as before', () => {
    expect(classEvidence('c-share-bar', undefined).negative).toBe(true);
    expect(classEvidence('shared-content', undefined)).toMatchObject({ negative: false, positive: true });
    expect(classEvidence('entry-content', 'post_comments').negative).toBe(true);
  });

  it('names reply threads and privacy banners as boilerplate', () => {
    expect(classEvidence('replies', 'replies').negative).toBe(true);
    expect(classEvidence('reply reply--child', undefined).negative).toBe(true);
    expect(classEvidence('privacy-banner', undefined).negative).toBe(true);
  });
});

describe('state classes', () => {
  it('reads "no_caption", "no-comments" as saying what is absent, not what the element is', () => {
    expect(classEvidence('list-item list-item-image no_caption', undefined).negative).toBe(false);
    expect(classEvidence('post no-comments', undefined)).toMatchObject({ negative: false, positive: true });
    expect(classEvidence('box without-ads', undefined).negative).toBe(false);
    // the word itself, or a negative word elsewhere in the class, still counts
    expect(classEvidence('caption no-credit', undefined).negative).toBe(true);
    expect(classEvidence('notice-comments', undefined).negative).toBe(true);
  });
});
