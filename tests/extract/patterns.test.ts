import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
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

  it('reads a positive word followed by a measure as a size, not as the text', () => {
    expect(classEvidence('caption body-width', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('caption body-narrow-width', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('story-body', undefined)).toMatchObject({ negative: false, positive: true });
    const body = [
      'The council voted on Tuesday to close the old river bridge to all traffic after engineers found deep cracks in two of its piers.',
      'Repairs are expected to take at least eighteen months, and a temporary ferry will carry foot passengers across the river from next week.',
    ];
    const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body><div class="story-body">
      <h1>Bridge closed</h1><div class="caption body-width"><img src="/bridge.jpg" alt="The bridge"><span>The bridge was built in 1902 and carries eight thousand cars a day</span></div>
      ${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractArticle({ html, url: 'https://valley.example/2013/05/15/bridge' }).text).toBe(body.join('\n\n'));
  });

  it('reads a compound written in two parts as the one word ("pull-out", "side-bar")', () => {
    expect(classEvidence('story-feature wide', undefined).negative).toBe(false);
    expect(classEvidence('pull-out', undefined).negative).toBe(true);
    expect(classEvidence('pullout', undefined).negative).toBe(true);
    expect(classEvidence('side-bar', undefined).negative).toBe(true);
    expect(classEvidence('news-letter-box', undefined).negative).toBe(true);
    expect(classEvidence('pull-request', undefined).negative).toBe(false);
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

describe('one hyphenated name', () => {
  it('is what its last telling word says, where the positive words before it say where it sits', () => {
    expect(classEvidence('post-body-bio', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('article-comments', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('article_caption_w_attr', undefined)).toMatchObject({ negative: true, positive: false });
    expect(classEvidence('main-sidebar', undefined)).toMatchObject({ negative: true, positive: false });
  });

  it('leaves a name that ends on a positive word, or on a word templates also give the text, as it was', () => {
    expect(classEvidence('comment-body', undefined)).toMatchObject({ negative: true, positive: true });
    expect(classEvidence('article_description', undefined)).toMatchObject({ negative: true, positive: true });
    expect(classEvidence('post-footer-wrap', undefined)).toMatchObject({ negative: true, positive: true });
    // two names on one element still weigh against each other
    expect(classEvidence('entry-content bio', undefined)).toMatchObject({ negative: true, positive: true });
  });
});

describe('an author bio named inside the body', () => {
  it('is left out of the text', () => {
    const body = [
      'The city council voted on Tuesday to close the old river bridge to all traffic after engineers found deep cracks in two of its piers.',
      'Repairs are expected to take at least eighteen months, and a temporary ferry will carry foot passengers across the river from next week.',
      'Shop owners on both banks said the closure would cost them customers, and asked the council for help with their rents while the work goes on.',
    ];
    const html = `<!doctype html><html lang="en"><head><title>Bridge closed</title></head><body>
      <div class="post-body"><h1>Bridge closed</h1>${body.map((p) => `<p>${p}</p>`).join('')}
        <div class="post-body-bio">Jane Doe is a city hall correspondent for The Valley News. She previously covered courts and schools for the Daily Ledger.</div>
      </div></body></html>`;
    expect(extractArticle({ html, url: 'https://valley.example/2019/11/19/bridge' }).text).toBe(body.join('\n\n'));
  });
});
