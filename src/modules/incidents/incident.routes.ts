import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { closeIncident } from './close-incident.ts';
import type { IncidentSeverity } from './incident-enums.ts';
import type { IncidentFacts } from './incident-input.ts';
import { markContained, recordNotice, type NoticeInput } from './incident-notices.ts';
import { CloseBody, Incident, IncidentOpenBody, IncidentQuery, IncidentSummary, IncidentUpdateBody, NoticeBody, TimelineBody } from './incident.schemas.ts';
import { addTimelineEntry } from './incident-timeline.ts';
import { loadIncident } from './incidents-in-scope.ts';
import { listIncidents } from './list-incidents.ts';
import { openIncident, openIncidentFromAlert, type NewIncident } from './open-incident.ts';
import { updateIncident } from './update-incident.ts';

/**
 * 个人信息安全事件登记 (DOMAIN §12 LAW-08, PIPL Art. 57): the security administrators keep the register,
 * the auditor and the province read it; every write is audited and every incident lives in an
 * organization's scope (404 outside it).
 */
export function registerIncidentRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addSchema(IncidentSummary);
  app.addSchema(Incident);
  const tags = ['security'];
  const IncidentRef = Type.Ref('Incident');
  const id = (request: { params: unknown }) => (request.params as { id: number }).id;

  app.get('/api/incidents', {
    config: { access: ['incident.read'] },
    schema: {
      tags, summary: '个人信息安全事件登记表 / Personal-data incident register', querystring: IncidentQuery,
      response: withErrors({ 200: Type.Object({
        items: Type.Array(Type.Ref('IncidentSummary')), total: Type.Integer(), live: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
        containTargetHours: Type.Number(), reportHours: Type.Number(),
      }) }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'incident.read');
      const result = await listIncidents(ctx, request.query as Static<typeof IncidentQuery>);
      return { ...result, containTargetHours: rule('incident.containTargetHours'), reportHours: rule('incident.reportHours') };
    },
  });

  app.post('/api/incidents', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '登记安全事件 / Open an incident', body: IncidentOpenBody, response: withErrors({ 201: IncidentRef }) },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'incident.manage');
      const body = request.body as Static<typeof IncidentOpenBody>;
      return reply.status(201).send(await openIncident(ctx, { ...body, severity: body.severity as IncidentSeverity } as NewIncident));
    },
  });

  app.post('/api/incidents/from-alert/:id', {
    config: { access: ['incident.manage'] },
    schema: {
      tags, summary: '由安全告警登记安全事件 / Open an incident from a security alert', params: IdParams,
      body: Type.Object({}, { additionalProperties: false }), response: withErrors({ 201: IncidentRef }),
    },
    handler: async (request, reply) => reply.status(201).send(await openIncidentFromAlert(actingWith(request, deps, 'incident.manage'), id(request))),
  });

  app.get('/api/incidents/:id', {
    config: { access: ['incident.read'] },
    schema: { tags, summary: '安全事件详情 / An incident in full', params: IdParams, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'incident.read');
      return loadIncident(ctx.db, ctx.scope, id(request));
    },
  });

  app.patch('/api/incidents/:id', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '补充或更正事件情况 / Update an incident\'s facts', params: IdParams, body: IncidentUpdateBody, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => updateIncident(actingWith(request, deps, 'incident.manage'), id(request), request.body as IncidentFacts),
  });

  app.post('/api/incidents/:id/timeline', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '添加处置记录 / Add a timeline entry', params: IdParams, body: TimelineBody, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => addTimelineEntry(actingWith(request, deps, 'incident.manage'), id(request), request.body as Static<typeof TimelineBody>),
  });

  app.post('/api/incidents/:id/contain', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '标记为已控制 / Mark as contained', params: IdParams, body: TimelineBody, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => markContained(actingWith(request, deps, 'incident.manage'), id(request), request.body as Static<typeof TimelineBody>),
  });

  app.post('/api/incidents/:id/notices', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '登记向网信部门报告或通知个人 / Record a notice to the authority or the people affected', params: IdParams, body: NoticeBody, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => recordNotice(actingWith(request, deps, 'incident.manage'), id(request), request.body as NoticeInput),
  });

  app.post('/api/incidents/:id/close', {
    config: { access: ['incident.manage'] },
    schema: { tags, summary: '结案（须已填写第五十七条所列事项并登记报告和通知）/ Close (needs the Art. 57 facts and notices)', params: IdParams, body: CloseBody, response: withErrors({ 200: IncidentRef }) },
    handler: async (request) => closeIncident(actingWith(request, deps, 'incident.manage'), id(request), request.body as Static<typeof CloseBody>),
  });
}
