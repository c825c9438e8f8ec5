// Signs in over HTTP, as a browser would, and returns the headers a signed-in request carries
// (the session cookie and the CSRF token). Shared by the benchmarks that load a running app.
export async function signInOverHttp(
  base: string,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed (${res.status}): ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('rapport_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie || !csrfToken) throw new Error('sign-in returned no session cookie or CSRF token');
  return { cookie, 'x-csrf-token': csrfToken };
}
