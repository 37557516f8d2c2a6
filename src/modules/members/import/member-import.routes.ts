import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { countHourlyUse } from '../../../platform/alerts/hourly-limit.ts';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { ByteLimitExceeded, byteLimit } from '../../../platform/files/byte-limit.ts';
import { newFileKey, type FileStorage } from '../../../platform/files/file-storage.ts';
import { LocalFileStorage } from '../../../platform/files/local-file-storage.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AppDeps } from '../../../platform/http/app-deps.ts';
import { withErrors } from '../../../platform/http/schemas.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { actingWith } from '../../accounts/auth.plugin.ts';
import { findOwnImportJob } from './import-job.repository.ts';
import { ImportJobRunner } from './import-job-runner.ts';
import { buildImportTemplate } from './import-template.ts';
import { toImportJobDto } from './import-job.dto.ts';
import { submitMemberImport } from './submit-member-import.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NoQuery = Type.Object({}, { additionalProperties: false });
const JobParams = Type.Object({ jobId: Type.String({ format: 'uuid', maxLength: 36 }) }, { additionalProperties: false });
const ErrorRef = Type.Ref('ErrorResponse');
const ImportJob = Type.Object({
  jobId: Type.String(),
  status: Type.Union(['queued', 'running', 'failed_validation', 'failed', 'done'].map((s) => Type.Literal(s))),
  phase: Type.Union([Type.Literal('checking'), Type.Literal('importing'), Type.Literal('writing_errors'), Type.Null()]),
  totalRows: Type.Integer(), processedRows: Type.Integer(), errorCount: Type.Integer(), importedRows: Type.Integer(),
  hasErrorFile: Type.Boolean(),
  createdAt: Type.String(), finishedAt: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]), messageEn: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'MemberImportJob' });

/** The upload of each request, as stored by the content-type parser; only that parser puts anything here. */
const uploads = new WeakMap<FastifyRequest, { key: string; bytes: number }>();

/** 团员Excel导入: template, upload, job status and the error workbook. */
export function registerMemberImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const storage: FileStorage = new LocalFileStorage(deps.config.filesDir);
  const runner = new ImportJobRunner({ db: deps.db, cipher: deps.cipher, blindIndex: deps.blindIndex, auditKey: deps.auditKey, storage, log: app.log });
  // A job cut off by shutdown leaves its transaction uncommitted, so waiting is a courtesy, not a need.
  app.addHook('onClose', async () => runner.drain(10_000));
  app.addSchema(ImportJob);
  const tags = ['members'];

  app.get('/api/members/import-template.xlsx', {
    config: { access: ['member.import'] },
    schema: { tags, summary: '下载团员导入模板 / Download the member import template', querystring: NoQuery, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      actingWith(request, deps, 'member.import');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('member-import-template.xlsx', '团员导入模板.xlsx'))
        .header('cache-control', 'no-store')
        .send(await buildImportTemplate());
    },
  });

  // The upload route lives in its own plugin scope, where the xlsx body parser is the only one.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(XLSX, async (request: FastifyRequest, payload: Readable) => {
      const limit = rule('import.maxUploadBytes');
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
      const key = newFileKey('member-imports', 'xlsx');
      try {
        const { bytes } = await storage.write(key, payload.pipe(byteLimit(limit)));
        uploads.set(request, { key, bytes });
      } catch (error) {
        if (error instanceof ByteLimitExceeded) throw tooLarge(limit);
        throw error;
      }
      return key;
    });

    scope.post('/api/members/imports', {
      config: { access: ['member.import'] },
      // Permission first: a caller who may not import never gets a byte stored.
      preParsing: async (request) => {
        actingWith(request, deps, 'member.import');
      },
      schema: {
        tags, summary: '上传团员Excel，开始导入 / Upload a member workbook and start the import', consumes: [XLSX],
        body: Type.String({ format: 'binary', description: 'xlsx 文件内容（请求体即文件）/ the workbook bytes as the request body', contentMediaType: XLSX }),
        response: { ...withErrors({ 202: Type.Object({ jobId: Type.String() }) }), 413: ErrorRef, 415: ErrorRef },
      },
      handler: async (request, reply) => {
        const ctx = actingWith(request, deps, 'member.import');
        const upload = uploads.get(request);
        if (!upload) throw new AppError('UPLOAD_NOT_XLSX');
        const { jobId } = await submitMemberImport(ctx, storage, upload);
        runner.start(jobId);
        return reply.status(202).send({ jobId });
      },
    });
  });

  app.get('/api/members/imports/:jobId', {
    config: { access: ['member.import'] },
    schema: { tags, summary: '导入进度与结果 / Import progress and result', params: JobParams, response: withErrors({ 200: Type.Ref('MemberImportJob') }) },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'member.import');
      const job = await findOwnImportJob(deps.db, (request.params as { jobId: string }).jobId, ctx.actor.userId!);
      if (!job) throw new AppError('NOT_FOUND');
      reply.header('cache-control', 'no-store');
      return toImportJobDto(job);
    },
  });

  app.get('/api/members/imports/:jobId/errors.xlsx', {
    config: { access: ['member.import'] },
    schema: { tags, summary: '下载错误清单（含原始数据，记入审计）/ Download the error workbook (audited)', params: JobParams, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'member.import');
      const job = await findOwnImportJob(deps.db, (request.params as { jobId: string }).jobId, ctx.actor.userId!);
      if (!job?.error_file_key || (await storage.size(job.error_file_key)) === null) throw new AppError('NOT_FOUND');
      await countHourlyUse(ctx, 'export'); // AS-22: the rows leave in clear, as an export's would
      // The workbook carries the uploaded ID and phone numbers in clear: each download is a sensitive read.
      await deps.db.transaction().execute((trx) =>
        appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'member.import.errors_download', orgPath: ctx.scope.postOrgPath, targetType: 'import_job', targetId: job.id, detail: { jobId: job.id, badRows: job.error_count } }),
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('member-import-errors.xlsx', '团员导入错误清单.xlsx'))
        .header('cache-control', 'no-store')
        .send(storage.read(job.error_file_key));
    },
  });
}

function tooLarge(limit: number): AppError {
  const mb = Math.round(limit / 1024 / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', {
    message: { zh: `文件超过${mb} MB，请拆分为多个文件分别上传`, en: `The file is larger than ${mb} MB; split it into several files` },
    extra: { limitBytes: limit },
  });
}
