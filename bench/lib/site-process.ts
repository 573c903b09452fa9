/**
 * The benchmark's news site in a process of its own: on the internet the outlets' servers are not
 * in our event loop, so here they should not be either. Started with `fork`; answers on the IPC
 * channel: first the outlets, then `{ pageHits }` when asked, and exits on `close`.
 */
import { startFixtureSite } from '../../tests/helpers/fixture-site.js';

const [outlets, articles, firstHost] = process.argv.slice(2).map(Number);
const site = await startFixtureSite({ outlets: outlets!, articlesPerOutlet: articles!, firstHost: firstHost! });
process.send!({ outlets: site.outlets });
process.on('message', async (m: { type: 'hits' | 'close' }) => {
  if (m.type === 'hits') {
    const pages = [...site.hits].filter(([k]) => k.includes('/news/'));
    process.send!({ pageHits: pages.reduce((a, [, n]) => a + n, 0), distinctPages: pages.length });
  } else {
    await site.close();
    process.exit(0);
  }
});
