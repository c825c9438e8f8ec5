// A small HTTP client over fetch for tests that talk to real servers (several instances, the
// read replica): JSON in and out, a cookie jar, the CSRF token after sign-in.

export interface HttpResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the JSON it expects
  body: any;
  headers: Headers;
}

/** What a browser keeps between requests: its cookies and the CSRF token from sign-in. */
interface Browser {
  cookies: Map<string, string>;
  csrf: string;
}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    readonly browser: Browser = { cookies: new Map(), csrf: '' },
  ) {}

  /** The same browser talking to another instance (as behind a load balancer). */
  on(baseUrl: string): HttpClient {
    return new HttpClient(baseUrl, this.browser);
  }

  async request(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = {};
    const { cookies, csrf } = this.browser;
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.browser.cookies.delete(name);
      else this.browser.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  async signIn(username: string, password: string): Promise<HttpResponse> {
    const res = await this.post('/api/auth/sign-in', { username, password });
    if (res.status === 200) this.browser.csrf = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }
}
