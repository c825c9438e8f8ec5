import { describe, expect, it } from 'vitest';
import { cacheNames, staleCaches, strategyFor } from './routes.js';

const origin = 'http://127.0.0.1:3000';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: origin + path, mode });

describe('strategyFor', () => {
  it('serves navigations from the network, with the shell as the offline fallback', () => {
    expect(strategyFor(get('/classes/c1', 'navigate'), origin)).toBe('shell');
    expect(strategyFor(get('/', 'navigate'), origin)).toBe('shell');
  });

  it('caches only the reads an open class view needs', () => {
    expect(strategyFor(get('/api/auth/session'), origin)).toBe('api');
    expect(strategyFor(get('/api/home/teacher'), origin)).toBe('api');
    expect(strategyFor(get('/api/classes/c-1_x'), origin)).toBe('api');
    for (const path of [
      '/api/classes/c1/extra',
      '/api/students/s1',
      '/api/home/leader',
      '/api/home/admin',
      '/api/auth/sessions',
    ]) {
      expect(strategyFor(get(path), origin), path).toBe('pass');
    }
  });

  it('never answers a write, and forgets cached reads when the session changes', () => {
    const post = (path: string) => ({ method: 'POST', url: origin + path, mode: 'cors' });
    expect(strategyFor(post('/api/interactions'), origin)).toBe('pass');
    expect(strategyFor(post('/api/interactions/undo'), origin)).toBe('pass');
    expect(strategyFor({ ...post('/api/auth/locale'), method: 'PUT' }, origin)).toBe('pass');
    expect(strategyFor(post('/api/auth/sign-in'), origin)).toBe('forget-api');
    expect(strategyFor(post('/api/auth/sign-out'), origin)).toBe('forget-api');
  });

  it('serves built assets from the install cache and leaves other origins alone', () => {
    expect(strategyFor(get('/assets/index-abc123.js', 'no-cors'), origin)).toBe('static');
    expect(strategyFor(get('/sw.js'), origin)).toBe('pass');
    expect(strategyFor(get('/healthz'), origin)).toBe('pass');
    const elsewhere = { method: 'GET', url: 'https://x.test/api/classes/c1', mode: 'cors' };
    expect(strategyFor(elsewhere, origin)).toBe('pass');
  });
});

describe('staleCaches', () => {
  it("deletes only this app's caches of other builds", () => {
    const now = cacheNames('v2');
    expect(
      staleCaches(['rapport-shell-v1', 'rapport-api-v1', now.shell, now.api, 'other-app'], 'v2'),
    ).toEqual(['rapport-shell-v1', 'rapport-api-v1']);
  });
});
