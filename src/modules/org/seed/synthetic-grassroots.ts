import type { FieldCipher } from '../../../platform/pii/field-cipher.ts';
import type { OrgTreeWriter, SeedOrg } from './org-tree-writer.ts';
import type { PlacedOrg } from './sichuan-frame.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金贾'.split('');
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玲红建文辉力鹏宇浩欣怡佳琳雪婷晨曦思远博文子涵梓萱一诺雨桐'.split('');
const TOWNS = ['玉林', '红牌楼', '簇桥', '华兴', '火车南站', '望江路', '机投桥', '金花桥', '晋阳', '浆洗街', '双楠', '永丰'];

/** A small deterministic random source, so the demo is the same on every machine. */
export class SeededRandom {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0 || 1;
  }
  next(): number {
    // xorshift32
    let x = this.#state;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state / 0x1_0000_0000;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

export function personName(random: SeededRandom): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.next() < 0.6 ? random.pick(GIVEN) : '');
}

function mobile(random: SeededRandom): string {
  return `1${random.pick(['38', '39', '58', '59', '80', '87', '88', '36', '99'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function electionDate(random: SeededRandom, yearsAgoMax: number): string {
  const year = 2026 - random.int(0, yearsAgoMax);
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/**
 * Below one county committee: a street working committee with community branches, a secondary
 * school committee with a grade general branch and class branches, and an enterprise committee.
 * Returns the branches it made, the first of which the demo branch secretary serves.
 */
export async function writeGrassroots(
  writer: OrgTreeWriter,
  county: PlacedOrg & { name: string; regionCode: string },
  random: SeededRandom,
  cipher: FieldCipher,
): Promise<PlacedOrg[]> {
  const shortCounty = county.name.replace(/^共青团/, '').replace(/委$/, '');
  const contact = (): Pick<SeedOrg, 'contactName' | 'contactPhoneEnc'> => ({ contactName: personName(random), contactPhoneEnc: cipher.encrypt(mobile(random)) });
  const branches: PlacedOrg[] = [];

  const town = random.pick(TOWNS);
  const street = await writer.add(county, {
    name: `${shortCounty}${town}街道团工委`, type: 'working_committee', industryCategory: 'urban_community', regionCode: county.regionCode,
    foundedOn: '2005-05-04', lastElectionOn: electionDate(random, 4), termYears: 3, ...contact(),
  });
  for (const community of ['一', '二', '三']) {
    branches.push(await writer.add(street, {
      name: `${town}第${community}社区团支部`, type: 'branch', industryCategory: 'urban_community', regionCode: county.regionCode,
      lastElectionOn: electionDate(random, 3), termYears: 2, ...contact(),
    }));
  }

  const school = await writer.add(county, {
    name: `${shortCounty}第${random.pick(['一', '七', '十二'])}中学团委`, type: 'committee', industryCategory: 'senior_high', regionCode: county.regionCode,
    foundedOn: '1985-09-01', lastElectionOn: electionDate(random, 2), termYears: 1, ...contact(),
  });
  const grade = await writer.add(school, {
    name: '高二年级团总支', type: 'general_branch', industryCategory: 'senior_high', regionCode: county.regionCode,
    lastElectionOn: electionDate(random, 1), termYears: 1, ...contact(),
  });
  for (const klass of [1, 2, 3]) {
    branches.push(await writer.add(grade, {
      name: `高二（${klass}）班团支部`, type: 'branch', industryCategory: 'senior_high', regionCode: county.regionCode,
      lastElectionOn: electionDate(random, 1), termYears: 1, ...contact(),
    }));
  }
  await writer.add(school, {
    name: '2026届毕业生团支部', type: 'branch', kind: 'graduate', industryCategory: 'senior_high', regionCode: county.regionCode,
    lastElectionOn: '2025-09-01', termYears: 1, ...contact(),
  });

  const company = await writer.add(county, {
    name: `四川${random.pick(['蜀创', '天府智造', '锦江数科', '川渝物流'])}有限公司团委`, type: 'committee', industryCategory: 'private_enterprise',
    regionCode: county.regionCode, foundedOn: '2016-03-12', lastElectionOn: electionDate(random, 5), termYears: 3, ...contact(),
  });
  for (const dept of ['研发中心', '生产部', '市场部']) {
    branches.push(await writer.add(company, {
      name: `${dept}团支部`, type: 'branch', industryCategory: 'private_enterprise', regionCode: county.regionCode,
      lastElectionOn: electionDate(random, 4), termYears: 2, ...contact(),
    }));
  }
  await writer.add(county, {
    name: `${shortCounty}流动团员团支部`, type: 'branch', kind: 'flow', industryCategory: 'other', regionCode: county.regionCode,
    lastElectionOn: electionDate(random, 2), termYears: 2, ...contact(),
  });
  return branches;
}
