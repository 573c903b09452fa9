/** HTTP validators remembered per feed so the next poll can be a conditional GET. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  url: string;
  validators?: Validators;
  /** What the caller will accept; used for the Accept header. */
  accept: 'feed' | 'html' | 'robots';
  /** Abort from outside (shutdown). */
  signal?: AbortSignal;
}

/** A response whose body was read in full and decoded to text. */
export interface FetchedBody {
  status: 'ok';
  /** Final URL after redirects. */
  url: string;
  httpStatus: number;
  contentType: string | null;
  /** Raw bytes after content-encoding was undone (capped). */
  bytes: Uint8Array;
  /** Decoded text and the charset used to decode it. */
  text: string;
  charset: string;
  validators: Validators;
  elapsedMs: number;
}

/** 304 Not Modified: nothing further to do. */
export interface NotModified {
  status: 'not-modified';
  url: string;
  validators: Validators;
  elapsedMs: number;
}

export type FetchOutcome = FetchedBody | NotModified;

/**
 * Every way a fetch can fail. `kind` is machine-readable (back-off, metrics), `message` says in
 * plain words what happened and to which URL, for the feed's error record.
 */
export type FetchErrorKind =
  | 'http-status'      // 4xx/5xx (httpStatus set; retryAfterMs set when the server asked)
  | 'timeout'          // connect or total time exceeded, or a body that drips too slowly
  | 'too-large'        // body (decoded) over the cap
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'network'          // DNS, refused, reset, TLS
  | 'robots-disallowed'
  | 'blocked-address'  // a link or redirect off the feed's origin to a loopback, private, link-local... address
  | 'bad-url'
  | 'decode';          // content-encoding that cannot be undone

export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly url: string,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
