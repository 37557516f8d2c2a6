import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { LocalFileStorage } from '../../platform/files/local-file-storage.ts';
import type { FileStorage } from '../../platform/files/file-storage.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { attachment } from '../../platform/http/content-disposition.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { countHourlyUse } from '../../platform/alerts/hourly-limit.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { noticePublication } from '../admission/admission-notices.ts';
import { FilterQuery, requestOf } from '../members/member.routes.ts';
import { chinaTime } from './export-watermark.ts';
import { downloadFullExport, prepareFullExport } from './full-member-export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FullExportBody = Type.Object({ ...FilterQuery, reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
const PreparedExport = Type.Object({ id: Type.Integer(), rows: Type.Integer(), expiresAt: Type.String(), withheldMinors: Type.Integer(), downloadUrl: Type.String() });

/** 完整导出 (prepare, then one download) and the printable 公示 of admission notices. */
export function registerExportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const storage: FileStorage = new LocalFileStorage(deps.config.filesDir);

  app.post('/api/members/full-exports', {
    config: { access: ['member.export_full'] },
    schema: {
      tags: ['members'], summary: '完整导出团员（含完整证件号码和手机号，须填写事由，带水印，限时下载一次）/ Prepare a full member export (reason, watermark, one expiring download)',
      body: FullExportBody, response: withErrors({ 201: PreparedExport }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'member.export_full');
      const { reason, ...filter } = request.body as Static<typeof FullExportBody>;
      const prepared = await prepareFullExport(ctx, storage, requestOf(filter), reason);
      return reply.status(201).send({ ...prepared, downloadUrl: `/api/members/full-exports/${prepared.id}/download` });
    },
  });

  app.get('/api/members/full-exports/:id/download', {
    config: { access: ['member.export_full'] },
    schema: { tags: ['members'], summary: '下载完整导出（仅一次）/ Download a full export (once)', params: IdParams, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'member.export_full');
      const id = (request.params as { id: number }).id;
      const { stream, createdAt } = await downloadFullExport(ctx, storage, id);
      const stamp = chinaTime(new Date(createdAt)).replace(/[-: ]/g, '').slice(0, 12);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`members-full-${id}.xlsx`, `团员名册_完整信息_${stamp}_${id}.xlsx`))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  });

  app.get('/api/admission/notices/:id/publication.xlsx', {
    config: { access: ['admission.read'] },
    schema: {
      tags: ['admission'], summary: '打印公示名单（仅姓名和所在团组织）/ Printable notice (names and organizations only)', params: IdParams,
      querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'admission.read');
      const { sheet, buffer } = await noticePublication(ctx, (request.params as { id: number }).id);
      await countHourlyUse(ctx, 'export'); // AS-22: counted once the notice is known to be in scope
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`notice-${sheet.kind}-${sheet.startOn}.xlsx`, `${sheet.orgName}_公示_${sheet.startOn}.xlsx`))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  });
}
