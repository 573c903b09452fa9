import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { stringify } from 'yaml';
import { SHIPPED } from '../shipped-files.js';

/** The bundled corpus the demo serves. */
export const CORPUS_DIR = SHIPPED.demoCorpus;

/** One feed of the corpus, as demo/corpus/feeds.json lists it. */
export interface CorpusFeed {
  id: string;
  outlet: string;
  country: string;
  language: string;
  /** Path of the RSS file inside the corpus folder. */
  path: string;
}

export interface CorpusServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** A feeds.yaml for the corpus's outlets on this server (validated where it is loaded, like any other). */
  feedsYaml: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.xml': 'application/rss+xml; charset=utf-8', '.html': 'text/html; charset=utf-8' };

/**
 * Serves the corpus on 127.0.0.1 as the outlets' sites would: RSS feeds and article pages, the
 * `{{BASE}}` in them replaced by this server's address. Nothing else is served; nothing leaves
 * the machine. `port` 0 takes any free port.
 */
export async function serveCorpus(port = 0, dir = CORPUS_DIR): Promise<CorpusServer> {
  const corpus = JSON.parse(readFileSync(join(dir, 'feeds.json'), 'utf8')) as CorpusFeed[];
  let base = '';
  const server = createServer((req, res) => {
    let body: string;
    let type: string | undefined;
    try {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^[/\\]+/, '');
      type = TYPES[path.slice(path.lastIndexOf('.'))];
      // Only files under feeds/ and articles/, never a path out of the folder.
      if (!type || !/^(feeds|articles)$/.test(path.split(sep)[0]!) || path.split(sep).includes('..')) throw new Error('not served');
      body = readFileSync(join(dir, path), 'utf8');
    } catch {
      // Missing file, a path outside the corpus, or a malformed escape in the URL.
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': type }).end(body.replaceAll('{{BASE}}', base));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    feedsYaml: `# parallax demo: the bundled corpus (demo/corpus), served on ${base}\n${stringify({
      feeds: corpus.map((f) => ({ id: f.id, url: `${base}/${f.path}`, outlet: f.outlet, country: f.country, language: f.language, tags: ['demo'], robots: false })),
    })}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
