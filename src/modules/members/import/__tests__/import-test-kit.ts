import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from '../../../../platform/excel/exceljs.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../../../../test/helpers/test-app.ts';
import { createTestDb, type TestDb } from '../../../../../test/helpers/test-db.ts';
import { loadConfig } from '../../../../platform/config/config.ts';
import { buildApp } from '../../../../platform/http/app.ts';
import { seedDemoProvince } from '../../../../seed/demo-province.ts';
import { makeResidentId } from '../../resident-id.ts';
import { DATA_SHEET_NAME, IMPORT_COLUMNS } from '../import-columns.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ImportClient = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  upload: (body: Buffer | Readable, contentType?: string, extraHeaders?: Record<string, string>) => Promise<LightMyRequestResponse>;
  /** Poll the job until it leaves queued/running; also returns every status seen on the way. */
  waitForJob: (jobId: string) => Promise<{ final: Record<string, unknown>; seen: Record<string, unknown>[] }>;
};

export type ImportTestApp = TestDb & { app: FastifyInstance; filesDir: string; login: (username: string) => Promise<ImportClient>; close: () => Promise<void> };

/**
 * The HTTP app over a fresh demo database, like test/helpers/test-app.ts, but with a real
 * temporary files directory, since imports store their uploads.
 */
export async function createImportTestApp(): Promise<ImportTestApp> {
  const testDb = await createTestDb();
  await seedDemoProvince(testDb.db, testDb, DEMO_PASSWORD);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-import-'));
  const filesDir = path.join(dataDir, 'files');
  const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir, filesDir, webDistDir: '/nonexistent' };
  const app = await buildApp({ db: testDb.db, cipher: testDb.cipher, blindIndex: testDb.blindIndex, auditKey: testDb.auditKey, config });
  const login = async (username: string): Promise<ImportClient> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
    const cookies = { tuanwu_sid: response.cookies.find((c) => c.name === 'tuanwu_sid')!.value };
    const headers = { 'x-csrf-token': response.json().csrfToken as string };
    const get = (url: string) => app.inject({ method: 'GET', url, cookies, headers });
    return {
      get,
      upload: (body, contentType = XLSX, extraHeaders = {}) => app.inject({ method: 'POST', url: '/api/members/imports', cookies, headers: { ...extraHeaders, ...headers, 'content-type': contentType }, payload: body }),
      waitForJob: async (jobId) => {
        const seen: Record<string, unknown>[] = [];
        for (let i = 0; i < 3000; i++) {
          const status = (await get(`/api/members/imports/${jobId}`)).json();
          seen.push(status);
          if (status.status !== 'queued' && status.status !== 'running') return { final: status, seen };
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`job ${jobId} did not finish`);
      },
    };
  };
  return {
    ...testDb, app, filesDir, login,
    close: async () => {
      await app.close();
      await testDb.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A filled-in row of the import sheet, by header. */
export type SheetRowValues = Partial<Record<string, string | number | null>>;

/**
 * A valid member for row `i`: ID numbers from a region outside Sichuan (110105, Beijing) and 团员编号
 * with a serial prefix of their own, so they never meet the Sichuan demo members or another test's rows.
 */
export function validRow(i: number, branch: { id: number; name: string }, overrides: SheetRowValues = {}, series: { region?: string; serial?: string } = {}): SheetRowValues {
  const birth = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const sex = i % 2 === 0 ? 'female' : 'male';
  const joinYear = Number(birth.slice(0, 4)) + 15;
  return {
    所在团支部编号: branch.id, 所在团支部名称: branch.name, 姓名: i % 3 === 0 ? '欧阳小明' : '李华', 证件类型: '普通居民身份证',
    证件号码: makeResidentId(series.region ?? '110105', birth, 500 + (i % 400), sex), 民族: i % 5 === 0 ? '彝族' : '汉族', 政治面貌: '共青团员',
    全日制学历: i % 4 === 0 ? '本科' : '普通本科在读', 最高学历: '普通本科在读', 职业: '学生', 收入: '2000元以下', 入团年月: `${joinYear}-05`,
    团员编号: `${joinYear}${series.serial ?? '99'}${String(i).padStart(6, '0')}`, 团内职务: i === 0 ? '组织委员' : null, 是否团干部: i === 0 ? '是' : '否',
    团干部性质: i === 0 ? '兼职' : null, 手机号码: `1390000${String(i % 10000).padStart(4, '0')}`, 注册志愿者时间: '2021-09-01', 户籍所在地: '北京市朝阳区', 学习工作单位: '四川大学',
    ...overrides,
  };
}

/** A workbook shaped like the template (header row of IMPORT_COLUMNS, text columns as text) with these rows. */
export async function workbookOf(rows: SheetRowValues[], options: { headers?: string[]; sheetName?: string } = {}): Promise<Buffer> {
  const headers = options.headers ?? IMPORT_COLUMNS.map((c) => c.header);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? DATA_SHEET_NAME);
  sheet.columns = headers.map((header) => ({ header, ...(IMPORT_COLUMNS.find((c) => c.header === header)?.asText ? { style: { numFmt: '@' } } : {}) }));
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every file under the storage directory, relative to it. */
export function storedFiles(filesDir: string): string[] {
  if (!fs.existsSync(filesDir)) return [];
  return (fs.readdirSync(filesDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(filesDir, f)).isFile());
}
