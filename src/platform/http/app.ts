import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Type } from 'typebox';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerRuleRoutes } from '../rules/rules.routes.ts';
import { registerAlertRoutes } from '../alerts/alert.routes.ts';
import { registerIncidentRoutes } from '../../modules/incidents/incident.routes.ts';
import { registerExportRoutes } from '../../modules/exports/export.routes.ts';
import { isDatabaseUp } from '../db/connect.ts';
import { registerAuthentication } from '../../modules/accounts/auth.plugin.ts';
import { registerAuthRoutes } from '../../modules/accounts/auth.routes.ts';
import { registerSecondFactorAdminRoutes } from '../../modules/accounts/second-factor-admin.routes.ts';
import { registerAccountAdminRoutes } from '../../modules/accounts/admin/account-admin.routes.ts';
import { registerActivationRoutes } from '../../modules/accounts/admin/activation.routes.ts';
import { enforceRouteAccess, type RouteAccess } from '../../modules/accounts/route-access.ts';
import { registerRegionRoutes } from '../../modules/org/meta.routes.ts';
import { registerOrgRoutes } from '../../modules/org/org.routes.ts';
import { registerMemberRoutes } from '../../modules/members/member.routes.ts';
import { registerMemberStatusRoutes } from '../../modules/members/member-status.routes.ts';
import { registerMemberImportRoutes } from '../../modules/members/import/member-import.routes.ts';
import { registerMyMemberRoutes } from '../../modules/members/my-member-record.ts';
import { registerMemberStatsRoutes } from '../../modules/members/stats/member-stats.routes.ts';
import { registerDuesRoutes } from '../../modules/dues/dues.routes.ts';
import { registerTransferRoutes } from '../../modules/transfers/transfer.routes.ts';
import { registerAdmissionRoutes } from '../../modules/admission/admission.routes.ts';
import { registerEvaluationRoutes } from '../../modules/evaluations/evaluation.routes.ts';
import { registerTodoRoutes } from '../../modules/todo/todo.routes.ts';
import { registerWorkplanRoutes } from '../../modules/workplan/workplan.routes.ts';
import { registerTaskRoutes } from '../../modules/workplan/task.routes.ts';
import { registerMinorRoutes } from '../../modules/minors/minors.routes.ts';
import { registerPrivacyRoutes } from '../../modules/privacy/privacy.routes.ts';
import { AppError } from './app-error.ts';
import type { AppDeps } from './app-deps.ts';
import { errorBody, handleError } from './error-handler.ts';
import { withRequestSerializers } from './log-serializers.ts';
import { ErrorResponse } from './schemas.ts';
import { validatorCompiler } from './validation.ts';

/** A registered route, as the meta tests see it. */
export type RouteSummary = {
  method: string; url: string; access?: RouteAccess;
  schema?: { body?: unknown; querystring?: unknown; params?: unknown; response?: Record<string, unknown>; hide?: boolean };
};

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteSummary[];
  }
}

export type BuildAppOptions = AppDeps & {
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | object;
  /** Serve the API documentation at /docs (the route table is documented either way). */
  apiDocs?: boolean;
};

/** The whole HTTP application: API, OpenAPI docs and the web app, on one Fastify instance. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { logger = false, apiDocs = false, ...deps } = options;
  const app = Fastify({
    logger: withRequestSerializers(logger),
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    // The router refuses a bad percent-escape or an over-long path parameter before any handler;
    // without this Fastify answers in its own shape (no bilingual message; 414 for the long one).
    frameworkErrors: (error, request, reply) => handleError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('MALFORMED_REQUEST') : error, request, reply),
  });
  // Kept so tests can check that every route has schemas and is covered by the scope matrix.
  const routes: RouteSummary[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: (route.config as { access?: RouteAccess } | undefined)?.access, schema: route.schema as RouteSummary['schema'] });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.addSchema(ErrorResponse);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // One year, subdomains included (DOMAIN §12 AS-24); browsers heed it only over TLS.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // API answers carry personal data; no browser or proxy keeps a copy unless a route says otherwise (AS-25, DB-16).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', { extra: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Tuanwu 团务 API', version: '0.1.0', description: '共青团组织与团务管理平台接口 / Youth League organization platform API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tuanwu_sid' } } },
    },
  });
  if (apiDocs) await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  registerAuthentication(app, deps);
  enforceRouteAccess(app);
  app.get('/healthz', {
    schema: { tags: ['system'], summary: '健康检查 / Health', response: { 200: Type.Object({ status: Type.String() }), 503: Type.Ref('ErrorResponse') } },
    handler: async (request, reply) => {
      if (await isDatabaseUp(deps.db)) return { status: 'ok' };
      return reply.status(503).send(errorBody(new AppError('SERVICE_UNAVAILABLE'), request.id));
    },
  });
  registerAuthRoutes(app, deps);
  registerSecondFactorAdminRoutes(app, deps);
  registerActivationRoutes(app, deps);
  registerAccountAdminRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerRegionRoutes(app);
  registerMemberRoutes(app, deps);
  registerMemberStatusRoutes(app, deps);
  registerMemberImportRoutes(app, deps);
  registerMyMemberRoutes(app, deps);
  registerMemberStatsRoutes(app, deps);
  registerDuesRoutes(app, deps);
  registerTransferRoutes(app, deps);
  registerAdmissionRoutes(app, deps);
  registerEvaluationRoutes(app, deps);
  registerTodoRoutes(app, deps);
  registerWorkplanRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerMinorRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerExportRoutes(app, deps);
  await registerWebApp(app, deps.config.webDistDir);
  return app;
}

/** Serve the built React app, with index.html for every client-side route. */
async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    // Client-side routes get index.html; a missing asset (a file name with an extension) is a real 404,
    // so a tab left open across a deployment does not receive HTML in place of a script.
    const isAsset = url.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(url);
    if (url.startsWith('/api/') || request.method !== 'GET' || !hasWeb || isAsset) {
      return reply.status(404).send(errorBody(new AppError('NOT_FOUND'), request.id));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
