import { html, type Html } from './html.js';
import { layout } from './layout.js';

export interface LoginPageData {
  /** Where the browser goes once signed in (a path of this server). */
  next: string;
  /** The token given was wrong. */
  failed?: boolean;
}

/** The form a browser user signs in with (PARALLAX_API_TOKEN set): the token in, a session cookie out. */
export function renderLoginPage(d: LoginPageData): Html {
  return layout(
    'Sign in',
    html`<h1>Sign in</h1>
<p class="muted">This Parallax asks for its access token (PARALLAX_API_TOKEN).</p>
${d.failed ? html`<p class="tag failing" role="alert">That token is not the right one.</p>` : ''}
<form class="filters" method="post" action="/login">
<input type="hidden" name="next" value="${d.next}">
<label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">Sign in</button>
</form>`,
  );
}
