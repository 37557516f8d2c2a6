import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { withErrors } from '../../platform/http/schemas.ts';
import { allRegions } from './region.ts';

export function registerRegionRoutes(app: FastifyInstance): void {
  app.get('/api/meta/regions', {
    config: { access: 'session' },
    schema: {
      tags: ['organizations'], summary: '行政区划 / Administrative divisions (GB/T 2260)',
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({
        code: Type.String(), name: Type.String(), level: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]),
      })) }) }),
    },
    handler: async () => ({ items: allRegions() }),
  });
}
