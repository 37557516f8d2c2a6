import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';
import { requireSession } from './auth.plugin.ts';
import type { Permission } from './permissions.ts';

/**
 * Who may call an API route, declared on the route itself (`config.access`): anyone (only the
 * sign-in), any signed-in user, any user acting through an active post, or a post holding at least
 * one of the permissions. The declaration is enforced before the request is validated, so a caller
 * without the permission learns nothing about the route's input, and it is what the role × route
 * matrix is generated from. Handlers still check the exact permission of what they do.
 */
export type RouteAccess = 'public' | 'session' | 'post' | readonly Permission[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Refuse to start with an API route that declares no access, and enforce the declarations. */
export function enforceRouteAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (route.url.startsWith('/api/') && access === undefined) throw new Error(`${[route.method].flat().join(',')} ${route.url} declares no config.access`);
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const auth = requireSession(request);
    if (access === 'session') return;
    if (!auth.post || !auth.scope) throw new AppError('AUTH_NO_ACTIVE_POST');
    if (access === 'post') return;
    if (!access.some((permission) => auth.permissions.has(permission))) throw new AppError('FORBIDDEN');
  });
}

/** The permissions a route's access needs (empty for public, session and post routes). */
export function accessPermissions(access: RouteAccess): readonly Permission[] {
  return typeof access === 'string' ? [] : access;
}
