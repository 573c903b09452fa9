import { html, safe, type Html } from './html.js';
import { STYLE } from './style.js';

/** The frame every page shares: title, stylesheet, navigation, and an optional script of our own. */
export function layout(title: string, body: Html, script?: string): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Parallax</title>
<style>${safe(STYLE)}</style>
</head>
<body>
<header class="top"><a class="brand" href="/">Parallax</a>
<nav><a href="/">Events</a><a href="/feeds">Feeds</a><a href="/api/events">API</a></nav>
<form class="search" action="/search" method="get" role="search"><input type="search" name="q" placeholder="Search articles: Ménaka, otages, الرهائن" aria-label="Search articles"><button>Search</button></form></header>
<main>
${body}
</main>
${script ? html`<script>${safe(script)}</script>` : ''}
</body>
</html>
`;
}
