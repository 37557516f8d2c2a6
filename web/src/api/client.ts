import { ApiError } from './api-error';

export { ApiError, isApiError, isAbortError } from './api-error';
export type { ApiFieldError } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** A file sent as the raw request body, e.g. an xlsx upload; never together with `body`. */
  file?: { data: Blob; contentType: string };
  signal?: AbortSignal;
  /** Let the caller handle 401 itself (login form, the first session probe). */
  allowUnauthenticated?: boolean;
  /** Extra request headers, e.g. the percent-encoded name of an uploaded file. */
  headers?: Record<string, string>;
};

// Kept in memory only: the token comes with every Me answer and must not outlive the tab.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ErrorListener = (error: ApiError) => void;
let onUnauthorized: ErrorListener = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};
let onMustChangePassword: ErrorListener = () => undefined;

/** The session layer replaces the default full-page redirect with a router navigation. */
export function setUnauthorizedHandler(handler: ErrorListener): void {
  onUnauthorized = handler;
}

export function setMustChangePasswordHandler(handler: ErrorListener): void {
  onMustChangePassword = handler;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const body = options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body);
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw ApiError.network();
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/auth/me', {});
  if (!response.ok) return false;
  const me = (await readJson(response)) as { csrfToken?: string } | undefined;
  if (!me?.csrfToken) return false;
  csrfToken = me.csrfToken;
  return true;
}

async function toError(response: Response): Promise<ApiError> {
  return ApiError.fromBody(response.status, await readJson(response), response.headers.get('retry-after'));
}

function notify(error: ApiError, options: RequestOptions): void {
  if (error.status === 401) csrfToken = null;
  if (error.status === 401 && !options.allowUnauthenticated) onUnauthorized(error);
  if (error.code === 'MUST_CHANGE_PASSWORD') onMustChangePassword(error);
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

/** Sends a request; resolves with the parsed JSON body, or throws ApiError. */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(method, path, options);
  if (response.ok) return parseBody<T>(response);
  let error = await toError(response);
  // A token lost by a reload or rotated by another tab: fetch a fresh one and retry once.
  if (error.code === 'CSRF_FAILED' && method !== 'GET' && (await refreshCsrfToken())) {
    response = await send(method, path, options);
    if (response.ok) return parseBody<T>(response);
    error = await toError(response);
  }
  notify(error, options);
  throw error;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
  /** POSTs a file as the raw body (not multipart); a Blob can be sent again on the CSRF retry. */
  upload: <T>(path: string, data: Blob, contentType: string, options?: Omit<RequestOptions, 'body' | 'file'>) =>
    request<T>('POST', path, { ...options, file: { data, contentType } }),
};

/** Downloads a file through fetch so that API errors can be shown instead of a JSON page. */
export async function downloadFile(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<{ blob: Blob; filename: string }> {
  const response = await send('GET', path, { query });
  if (!response.ok) {
    const error = await toError(response);
    notify(error, {});
    throw error;
  }
  const blob = await response.blob();
  return { blob, filename: filenameFrom(response.headers.get('content-disposition')) ?? fallbackName };
}

function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim();
}
