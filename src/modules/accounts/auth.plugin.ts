import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { Permission } from './permissions.ts';
import { actorOf, resolveSession, type AuthState } from './session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

/**
 * The session cookie's name. Served over HTTPS it carries the `__Host-` prefix, which browsers
 * accept only with Secure, Path=/ and no Domain, so no sibling site can set or shadow it (ASVS 3.3.1).
 */
export function sessionCookieName(config: { secureCookies: boolean }): string {
  return config.secureCookies ? '__Host-tuanwu_sid' : 'tuanwu_sid';
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes that may be called without a session or before the password change.
const OPEN_PATHS = new Set(['/api/auth/login', '/api/auth/second-factor/enroll', '/api/auth/second-factor/verify', '/api/auth/activation-info', '/api/auth/activate']);
const PASSWORD_CHANGE_PATHS = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/change-password']);

/** Resolve the session cookie on every API request and refuse cross-site writes, before any body is read. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('auth', null);
  const cookieName = sessionCookieName(deps.config);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/')) return;
    // Behind TLS, a request that reached us in clear text is refused before its body (a password,
    // a cookie) is read; the gateway should redirect such requests (DOMAIN §12 DB-03).
    if (deps.config.secureCookies && request.protocol !== 'https') throw new AppError('HTTPS_REQUIRED');
    const token = request.cookies[cookieName];
    request.auth = token ? await resolveSession(deps.db, token) : null;
    if (OPEN_PATHS.has(path)) return;
    if (!SAFE_METHODS.has(request.method)) {
      if (!request.auth) throw new AppError('UNAUTHENTICATED');
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.auth.session.csrf_token)) throw new AppError('CSRF_FAILED');
    }
    if (request.auth?.user.must_change_password === 1 && !PASSWORD_CHANGE_PATHS.has(path)) {
      throw new AppError('MUST_CHANGE_PASSWORD');
    }
  });
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export function requestActor(request: FastifyRequest): Actor {
  return actorOf(request.auth, request.ip, request.id);
}

/** The session of a signed-in caller, or 401. */
export function requireSession(request: FastifyRequest): AuthState {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

/**
 * The caller acting through a usable post that holds the permission: the service context with
 * the post's data scope. A post whose organization was deactivated cannot act.
 */
export function actingWith(request: FastifyRequest, deps: AppDeps, permission: Permission): ServiceContext & { scope: DataScope } {
  const auth = requireSession(request);
  if (!auth.post || !auth.scope) throw new AppError('AUTH_NO_ACTIVE_POST');
  if (!auth.permissions.has(permission)) throw new AppError('FORBIDDEN');
  return { db: deps.db, cipher: deps.cipher, blindIndex: deps.blindIndex, auditKey: deps.auditKey, actor: requestActor(request), scope: auth.scope };
}
