import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from '../src/platform/excel/exceljs.ts';
import type { FileStorage } from '../src/platform/files/file-storage.ts';
import { DATA_SHEET_NAME, IMPORT_COLUMNS, columnByKey } from '../src/modules/members/import/import-columns.ts';
import { makeResidentId } from '../src/modules/members/resident-id.ts';
import { SequenceAllocator } from '../src/modules/members/seed/demo-members.ts';
import { SeededRandom } from '../src/modules/org/seed/synthetic-grassroots.ts';
import { yearsBefore } from '../src/platform/time/china-date.ts';

/** A branch the rows are filed under, with the county code its members' ID numbers carry. */
export type ImportBranch = { id: number; name: string; regionCode: string };

// Wider than the seeder's pool (52 × 50 characters), so that names repeat about as rarely as in a
// real county's file and the pinyin cache of the seeded names does not answer for them.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = (
  '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玲红建文辉力鹏宇浩欣怡佳琳雪婷晨曦思远博子涵梓萱一诺雨桐'
  + '俊豪嘉懿煜城懿轩烨华煜祺智宸正豪昊然明杰立诚立轩立辉峻熙弘文熠彤鸿涛伟诚晟睿天佑文昊修洁黎昕远航旭尧鸿涛'
  + '梦琪忆柳之桃慕青问兰尔岚元香初夏沛菡傲珊曼文乐菱痴珊恨玉惜文香寒新柔语蓉海安夜蓉涵柏水桃醉蓝春儿语琴从彤'
  + '川蜀锦蓉峨眉岷江嘉陵涪沱渝邛崃青城雅安乐山宜宾泸州绵阳德阳遂宁内江自贡攀枝花广元巴中达州南充'
).split('');

const label = (key: string, code: string): string => {
  const item = columnByKey.get(key as never)!.items!.find((i) => i.code === code);
  if (!item) throw new Error(`no label for ${key} ${code}`);
  return item.zh;
};

export type WorkbookFile = { key: string; bytes: number; rows: number; writeMs: number };

/**
 * A filled-in import template: the header row of IMPORT_COLUMNS (text columns formatted '@' as the
 * template has them), then `rows` valid members spread evenly over `branches`, written with shared
 * strings as Excel writes them. ID numbers use the county codes with 顺序码 0–499 (the province
 * generator takes 500–999) and 团员编号 with an 8-digit serial from `serialBase`, so no row meets a
 * seeded member. Stored under `key` in `storage`, where the import reads uploads from.
 */
export async function writeImportWorkbook(storage: FileStorage, key: string, tempDir: string, branches: ImportBranch[], rows: number, options: { seed: number; serialBase: number; sequences: SequenceAllocator; today: string }): Promise<WorkbookFile> {
  const started = performance.now();
  const file = path.join(tempDir, `${path.basename(key)}.tmp.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME);
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.asText ? { style: { numFmt: '@' } } : {}) }));
  const random = new SeededRandom(options.seed);
  const thisYear = Number(options.today.slice(0, 4));
  for (let i = 0; i < rows; i++) {
    const branch = branches[Math.floor((i * branches.length) / rows)]!;
    sheet.addRow(rowValues(branch, i, random, options, thisYear)).commit();
  }
  sheet.commit();
  await workbook.commit();
  const { bytes } = await storage.write(key, fs.createReadStream(file));
  fs.rmSync(file, { force: true });
  return { key, bytes, rows, writeMs: performance.now() - started };
}

function rowValues(branch: ImportBranch, i: number, random: SeededRandom, options: { serialBase: number; sequences: SequenceAllocator; today: string }, thisYear: number): Record<string, string | number | null> {
  const sex = random.next() < 0.5 ? 'male' : 'female';
  const age = random.int(16, 28);
  // Born between `age` and `age + 1` years ago, on a day that exists in every month.
  const latest = yearsBefore(options.today, age);
  const birthYear = Number(latest.slice(0, 4)) - (random.next() < 0.5 ? 1 : 0);
  const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const idNumber = makeResidentId(branch.regionCode, birthDate, options.sequences.take(branch.regionCode, birthDate, sex), sex);
  // From 15 (never under the 14-year minimum) and never this year, so no month lies in the future.
  const joinYear = Math.min(thisYear - 1, birthYear + random.int(15, 17));
  const student = age <= 22;
  const cadre = i % 25 === 0;
  return {
    orgId: branch.id,
    orgName: branch.name,
    name: random.pick(SURNAMES) + random.pick(GIVEN) + (random.next() < 0.7 ? random.pick(GIVEN) : ''),
    idType: label('idType', 'resident'),
    idNumber,
    birthDate: null,
    sex: null,
    ethnicity: label('ethnicity', random.next() < 0.93 ? '01' : random.pick(['07', '04', '03', '06'])),
    politicalStatus: label('politicalStatus', age >= 22 && random.next() < 0.15 ? 'party_member' : 'league_member'),
    educationFullTime: label('educationFullTime', student ? 'bachelor_in_progress' : 'bachelor'),
    educationHighest: label('educationHighest', student ? 'bachelor_in_progress' : 'bachelor'),
    occupation: label('occupation', student ? 'student' : random.pick(['private_enterprise_employee', 'state_enterprise_employee', 'freelancer', 'farmer'])),
    incomeBand: student ? null : label('incomeBand', random.pick(['below_2000', 'from_2000_to_5000', 'from_5000_to_8000'])),
    joinedLeagueOn: `${joinYear}-${String(random.int(4, 6)).padStart(2, '0')}`,
    developmentNumber: joinYear >= 2017 ? `${joinYear}${String(options.serialBase + i).padStart(8, '0')}` : null,
    leaguePost: cadre ? label('leaguePost', 'secretary') : null,
    isCadre: cadre ? '是' : '否',
    cadreNature: cadre ? label('cadreNature', 'part_time') : null,
    phone: `1${random.pick(['38', '39', '58', '59', '80', '87', '88', '36', '99'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    joinedPartyOn: null,
    volunteerRegisteredOn: random.next() < 0.6 ? `${thisYear - random.int(1, 3)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
    household: random.next() < 0.5 ? '四川省成都市武侯区' : null,
    workplace: student ? '四川大学' : null,
  };
}
