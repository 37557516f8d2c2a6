import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { requireSession } from '../accounts/auth.plugin.ts';
import { postTodo } from './post-todo.ts';

/** 待办: the current post's waiting work, whatever its role (each kind only where it may act). */
export function registerTodoRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/todo', {
    config: { access: 'post' },
    schema: {
      tags: ['todo'], summary: '本岗位待办 / Work waiting for the current post', querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer(), overdue: Type.Integer(), dueSoon: Type.Integer(), link: Type.String() })) }) }),
    },
    handler: async (request, reply) => {
      const auth = requireSession(request);
      if (!auth.post || !auth.scope) throw new AppError('AUTH_NO_ACTIVE_POST');
      reply.header('cache-control', 'no-store');
      return { items: await postTodo({ db: deps.db, scope: auth.scope }, auth.permissions) };
    },
  });
}
