import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/** Every API route declares what it accepts and answers; a new route without schemas fails here. */
describe('route schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('declares params, query or body and responses on every API route', () => {
    const api = t.app.routeList.filter((r) => r.url.startsWith('/api/') || r.url === '/healthz');
    expect(api.length).toBeGreaterThan(10);
    for (const route of api) {
      const name = `${route.method} ${route.url}`;
      expect(route.schema?.response, name).toBeDefined();
      if (route.url.includes(':')) expect(route.schema?.params, name).toBeDefined();
      if (route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT') expect(route.schema?.body, name).toBeDefined();
      if (route.method === 'GET' && route.url.startsWith('/api/') && !route.url.startsWith('/api/meta') && route.url !== '/api/auth/me') {
        if (!route.url.includes(':')) expect(route.schema?.querystring, name).toBeDefined();
      }
      for (const [status, schema] of Object.entries(route.schema?.response ?? {})) expect(schema, `${name} ${status}`).toBeTruthy();
    }
  });

  it('publishes an OpenAPI document with every API route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/orgs/{id}/move', '/api/auth/login', '/api/audit']));
  });

  it('answers /healthz while the database answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("object-src 'none'");
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
