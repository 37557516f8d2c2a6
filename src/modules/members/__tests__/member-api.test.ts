import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from '../../../platform/excel/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeResidentId } from '../resident-id.ts';
import { exportMembers } from '../export-members.ts';
import { DataScope } from '../../../platform/scope/data-scope.ts';
import { systemActor } from '../../../platform/audit/audit-log.ts';

describe('member registry API', () => {
  let t: TestApp;
  let province: Client;
  let county: Client; // 武侯区
  let secretary: Client;
  let wuhouBranch: { id: number; path: string };
  let piduMember: { id: number; org_id: number };
  let plain: { idNumbers: string[]; phones: string[] };

  const newMember = (orgId: number, overrides: Record<string, unknown> = {}) => ({
    orgId, name: '测试团员', idType: 'resident', idNumber: makeResidentId('510107', '2004-03-15', 123, 'female'),
    ethnicity: '01', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2019-05', ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    wuhouBranch = await t.db.selectFrom('organization').select(['id', 'path']).where('type', '=', 'branch').where('path', 'like', `${wuhou.path}%`).where('kind', '=', 'normal').orderBy('id').executeTakeFirstOrThrow();
    const pidu = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团郫都区委').executeTakeFirstOrThrow();
    piduMember = await t.db.selectFrom('member').select(['id', 'org_id']).where('org_path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const rows = await t.db.selectFrom('member').select(['id_number_enc', 'phone_enc']).execute();
    plain = {
      idNumbers: rows.map((r) => t.cipher.decrypt(r.id_number_enc)),
      phones: rows.flatMap((r) => (r.phone_enc ? [t.cipher.decrypt(r.phone_enc)] : [])),
    };
  });
  afterAll(async () => t?.close());

  it('seeds realistic members with valid IDs', async () => {
    expect(plain.idNumbers.length).toBeGreaterThan(100);
    expect(new Set(plain.idNumbers).size).toBe(plain.idNumbers.length);
    const list = (await province.get('/api/members?pageSize=5')).json();
    expect(list.total).toBe(plain.idNumbers.length);
  });

  it('keeps no identity or phone number in clear in the database', async () => {
    const dump = JSON.stringify(await t.db.selectFrom('member').selectAll().execute()) + JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    for (const value of [...plain.idNumbers, ...plain.phones]) expect(dump.includes(value), value).toBe(false);
    if (t.location.file) {
      const dir = path.dirname(t.location.file);
      const bytes = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
      for (const value of plain.idNumbers.slice(0, 50)) expect(bytes.includes(value), value).toBe(false);
    }
  });

  it('masks numbers in lists, details and exports', async () => {
    const list = (await county.get('/api/members?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(10);
    const body = JSON.stringify(list);
    for (const value of [...plain.idNumbers, ...plain.phones]) expect(body.includes(value)).toBe(false);
    for (const m of list.items) {
      expect(m.idNumberMasked).toMatch(/^\d\*{16}[\dX]$/);
      if (m.phoneMasked) expect(m.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const detail = await county.get(`/api/members/${list.items[0].id}`);
    expect(detail.headers['cache-control']).toBe('no-store');
    expect(detail.json().idNumberMasked).toMatch(/\*/);
    const exported = await county.get('/api/members/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(workbook.worksheets[0]!.rowCount).toBe(list.total + 1);
    for (const value of [...plain.idNumbers, ...plain.phones]) expect(cells.includes(value)).toBe(false);
  });

  it('reveals full numbers only with the permission and a reason, and audits each reveal', async () => {
    const member = (await county.get('/api/members?pageSize=1')).json().items[0];
    expect((await county.post(`/api/members/${member.id}/reveal`, {})).statusCode).toBe(400);
    const revealed = await county.post(`/api/members/${member.id}/reveal`, { reason: '核对团员身份' });
    expect(revealed.statusCode).toBe(200);
    expect(plain.idNumbers).toContain(revealed.json().idNumber);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.reveal').where('target_id', '=', String(member.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!).reason).toBe('核对团员身份');
    const auditor = await t.login('shenji_admin');
    expect((await auditor.post(`/api/members/${member.id}/reveal`, { reason: '越权查看' })).statusCode).toBe(403);
  });

  it('creates a member with birth date and sex taken from the ID, and refuses the same person twice', async () => {
    const created = await county.post('/api/members', newMember(wuhouBranch.id, { phone: '13912345678', developmentNumber: '201951000999' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ birthDate: '2004-03-15', sex: 'female', phoneMasked: '139****5678', status: 'normal' });
    const again = await county.post('/api/members', newMember(wuhouBranch.id, { name: '另一个名字' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toContainEqual(expect.objectContaining({ field: 'idNumber', code: 'duplicate_member' }));
    const sameNumber = await county.post('/api/members', newMember(wuhouBranch.id, { idNumber: makeResidentId('510107', '2004-03-16', 5, 'male'), developmentNumber: '201951000999' }));
    expect(sameNumber.json().error.fields).toContainEqual(expect.objectContaining({ field: 'developmentNumber', code: 'duplicate' }));
    // a person registered in another county: the message does not say where
    const piduId = t.cipher.decrypt((await t.db.selectFrom('member').select('id_number_enc').where('id', '=', piduMember.id).executeTakeFirstOrThrow()).id_number_enc);
    const elsewhere = await county.post('/api/members', newMember(wuhouBranch.id, { idNumber: piduId }));
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.body).not.toContain('郫都');
  });

  it('explains what is wrong with bad input, field by field, and changes nothing', async () => {
    const count = async () => (await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const bad = [
      { body: newMember(wuhouBranch.id, { idNumber: '11010519491231002Y' }), field: 'idNumber' },
      { body: newMember(wuhouBranch.id, { idNumber: '110105194912310021' }), field: 'idNumber', code: 'wrong_check_digit' },
      { body: newMember(wuhouBranch.id, { joinedLeagueOn: '2016-01' }), field: 'joinedLeagueOn', code: 'too_young' },
      { body: newMember(wuhouBranch.id, { developmentNumber: '202051000001' }), field: 'developmentNumber', code: 'year_mismatch' },
      { body: newMember(wuhouBranch.id, { name: '<b>x</b>' }), field: 'name' },
      { body: newMember(wuhouBranch.id, { ethnicity: '57' }), field: 'ethnicity' },
      { body: newMember(wuhouBranch.id, { phone: '23912345678' }), field: 'phone' },
      { body: newMember(wuhouBranch.id, { idType: 'foreign', idNumber: 'H12345678' }), field: 'birthDate' },
      { body: newMember(wuhouBranch.id, { sex: 'male' }), field: 'sex', code: 'derived_from_id' },
      { body: { ...newMember(wuhouBranch.id), extra: 1 }, field: 'extra' },
      { body: newMember(wuhouBranch.path.length), field: 'orgId', status: 404 },
    ];
    for (const c of bad) {
      const response = await county.post('/api/members', c.body);
      if (c.status === 404) {
        expect(response.statusCode).toBe(404);
        continue;
      }
      expect(response.statusCode, JSON.stringify(c)).toBe(400);
      const fields = response.json().error.fields as { field: string; code: string; message: string }[];
      expect(fields.map((f) => f.field), JSON.stringify(c)).toContain(c.field);
      if (c.code) expect(fields.find((f) => f.field === c.field)!.code).toBe(c.code);
      for (const f of fields) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    const committee = await t.db.selectFrom('organization').select('id').where('type', '=', 'committee').where('path', 'like', `${wuhou.path}%`).executeTakeFirstOrThrow();
    const notBranch = await county.post('/api/members', newMember(committee.id, { idNumber: makeResidentId('510107', '2003-01-01', 7, 'male') }));
    expect(notBranch.json().error.fields[0]).toMatchObject({ field: 'orgId', code: 'not_a_branch' });
    expect(await count()).toBe(before);
  });

  it('finds members by exact ID, phone, 团员编号 and pinyin initials', async () => {
    const target = (await t.db.selectFrom('member').selectAll().where('org_path', 'like', `${wuhouBranch.path}%`).where('development_number', 'is not', null).executeTakeFirstOrThrow());
    const idNumber = t.cipher.decrypt(target.id_number_enc);
    const phone = t.cipher.decrypt(target.phone_enc!);
    for (const q of [idNumber, phone, target.development_number!, target.name_initials]) {
      const found = (await county.get(`/api/members?q=${encodeURIComponent(q)}&pageSize=100`)).json();
      expect(found.items.map((m: { id: number }) => m.id), q).toContain(target.id);
    }
  });

  it('filters by age and sex and sorts', async () => {
    const young = (await province.get('/api/members?ageMax=18&pageSize=200')).json();
    expect(young.total).toBeGreaterThan(0);
    for (const m of young.items) expect(m.age).toBeLessThanOrEqual(18);
    const women = (await province.get('/api/members?sex=female&ageMin=20&ageMax=25&pageSize=200')).json();
    for (const m of women.items) expect(m).toMatchObject({ sex: 'female' });
    for (const m of women.items) expect(m.age >= 20 && m.age <= 25).toBe(true);
    const sorted = (await province.get('/api/members?sort=birthDate&order=desc&pageSize=50')).json().items.map((m: { birthDate: string }) => m.birthDate);
    expect(sorted).toEqual([...sorted].sort().reverse());
  });

  it('pages through every sort in one stable order, each row named with its own branch', async () => {
    const rows = await t.db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
      .select(['member.id', 'member.name_initials', 'member.name', 'member.birth_date', 'organization.name as org_name']).execute();
    const branchOf = new Map(rows.map((r) => [r.id, r.org_name]));
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = {
      name: [...rows].sort((a, b) => byText(a.name_initials, b.name_initials) || byText(a.name, b.name) || a.id - b.id),
      birthDate: [...rows].sort((a, b) => byText(a.birth_date, b.birth_date) || a.id - b.id),
    };
    for (const sort of ['name', 'birthDate'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        // Ties keep the id ascending in both directions, so only the key order reverses.
        const want = order === 'asc' ? expected[sort] : [...expected[sort]].sort((a, b) => -(sort === 'name'
          ? byText(a.name_initials, b.name_initials) || byText(a.name, b.name) : byText(a.birth_date, b.birth_date)) || a.id - b.id);
        const pages = [];
        for (let page = 1; page <= 3; page++) pages.push(...(await province.get(`/api/members?sort=${sort}&order=${order}&page=${page}&pageSize=37`)).json().items);
        expect(pages.map((m: { id: number }) => m.id), `${sort} ${order}`).toEqual(want.slice(0, 111).map((r) => r.id));
        for (const m of pages) expect(m.orgName).toBe(branchOf.get(m.id));
      }
    }
  });

  it('exports every member once across read batches, in branch order', async () => {
    const total = (await province.get('/api/members?pageSize=1')).json().total;
    const ctx = {
      db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, scope: DataScope.system(),
      actor: { ...systemActor, username: 'export-test' },
    };
    // Batches of 97 rows: many batch boundaries, some inside a branch (branches have 8 to 22 members).
    const { stream, rows } = await exportMembers(ctx, { sort: 'name', order: 'asc' }, { batchRows: 97 });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    const [nameAt, birthAt, branchAt] = ['姓名', '出生日期', '所在团支部'].map((h) => header.indexOf(h));
    const exportedRows: string[] = [];
    sheet.eachRow((row, index) => { if (index > 1) exportedRows.push([branchAt, nameAt, birthAt].map((c) => String(row.getCell(c!).value)).join('|')); });
    const stored = await t.db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
      .select(['organization.name as branch', 'member.name', 'member.birth_date', 'member.org_path', 'member.id']).orderBy('member.org_path').orderBy('member.id').execute();
    expect(rows).toBe(total);
    expect(total).toBeGreaterThan(97 * 3);
    // The same rows, none twice or missing, in the order of the tree.
    expect(exportedRows).toEqual(stored.map((r) => `${r.branch}|${r.name}|${r.birth_date}`));
  });

  it('keeps other counties and other branches out of reach', async () => {
    const piduOrg = piduMember.org_id;
    expect((await county.get(`/api/members/${piduMember.id}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/members/${piduMember.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await county.post(`/api/members/${piduMember.id}/reveal`, { reason: '越权查看' })).statusCode).toBe(404);
    expect((await county.get(`/api/members?orgId=${piduOrg}`)).statusCode).toBe(404);
    expect((await county.get(`/api/members/export.xlsx?orgId=${piduOrg}`)).statusCode).toBe(404);
    expect((await county.post('/api/members', newMember(piduOrg, { idNumber: makeResidentId('510117', '2002-02-02', 9, 'male') }))).statusCode).toBe(404);
    const piduId = t.cipher.decrypt((await t.db.selectFrom('member').select('id_number_enc').where('id', '=', piduMember.id).executeTakeFirstOrThrow()).id_number_enc);
    expect((await county.get(`/api/members?q=${piduId}`)).json().total).toBe(0);
    expect((await province.get(`/api/members?q=${piduId}`)).json().total).toBe(1);

    const own = (await secretary.get('/api/members?pageSize=200')).json();
    const me = (await secretary.get('/api/auth/me')).json();
    expect(own.total).toBeGreaterThan(0);
    for (const m of own.items) expect(m.orgId).toBe(me.posts[0].orgId);
    const otherWuhou = await t.db.selectFrom('member').select('id').where('org_path', 'like', `${wuhouBranch.path.split('/').slice(0, 4).join('/')}/%`).where('org_id', '!=', me.posts[0].orgId).executeTakeFirstOrThrow();
    expect((await secretary.get(`/api/members/${otherWuhou.id}`)).statusCode).toBe(404);
  });

  it('moves members with their branch when the branch moves', async () => {
    const branch = await t.db.selectFrom('organization').select(['id', 'path', 'parent_id']).where('id', '=', wuhouBranch.id).executeTakeFirstOrThrow();
    const members = await t.db.selectFrom('member').select('id').where('org_id', '=', branch.id).execute();
    expect(members.length).toBeGreaterThan(0);
    const pidu = await orgIdByName(t, '共青团郫都区委');
    expect((await province.post(`/api/orgs/${branch.id}/move`, { newParentId: pidu })).statusCode).toBe(200);
    const moved = await t.db.selectFrom('organization').select('path').where('id', '=', branch.id).executeTakeFirstOrThrow();
    const paths = await t.db.selectFrom('member').select('org_path').where('org_id', '=', branch.id).execute();
    for (const p of paths) expect(p.org_path).toBe(moved.path);
    expect((await county.get(`/api/members/${members[0]!.id}`)).statusCode).toBe(404);
    expect((await province.post(`/api/orgs/${branch.id}/move`, { newParentId: branch.parent_id })).statusCode).toBe(200);
    expect((await county.get(`/api/members/${members[0]!.id}`)).statusCode).toBe(200);
  });
});

describe('a member with a document from outside the mainland', () => {
  it('keeps birth date and sex editable, since the number does not encode them', async () => {
    const t = await createTestApp();
    try {
      const county = await t.login('wuhou_admin');
      const secretary = await t.login('zhishu_demo');
      const branch = (await secretary.get('/api/auth/me')).json().posts[0].orgId;
      const created = await county.post('/api/members', {
        orgId: branch, name: '陈港生', idType: 'foreign', idNumber: 'H12345678', birthDate: '2003-04-05', sex: 'male',
        ethnicity: '01', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2018-05',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const edited = await county.patch(`/api/members/${id}`, { birthDate: '2003-04-06', sex: 'female' });
      expect(edited.json()).toMatchObject({ birthDate: '2003-04-06', sex: 'female' });
      const tooYoung = await county.patch(`/api/members/${id}`, { birthDate: '2010-01-01' });
      expect(tooYoung.json().error.fields[0]).toMatchObject({ field: 'joinedLeagueOn', code: 'too_young' });
    } finally {
      await t.close();
    }
  });
});
