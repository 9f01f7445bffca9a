/**
 * The little HTTP the simulated network speaks: one request, one response, no bytes on a wire.
 * Enough for curl and wget to print what they print (status line, headers, body).
 */

export interface HttpRequest {
  method: string;
  path: string;
  /** Request headers in the order the client sends them. */
  headers: [string, string][];
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Response headers in the order the server writes them (Date filled in by the network). */
  headers: [string, string][];
  body: string;
  /** No Content-Length: the body is sent chunked (Node's default for `res.end(body)` after writeHead). */
  chunked?: boolean;
}

/** Reason phrases (Go's http.StatusText / Node's STATUS_CODES agree on these). */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(code: number): string {
  return STATUS_TEXT[code] ?? '';
}

/** RFC 7231 IMF-fixdate, as every HTTP server writes `Date:`. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

export function header(headers: readonly [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}
