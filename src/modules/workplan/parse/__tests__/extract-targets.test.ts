import { describe, expect, it } from 'vitest';
import { extractTargets } from '../extract-targets.ts';
import { chineseNumeralValue, numberValue } from '../plan-numbers.ts';
import { TARGET_UNITS } from '../target-vocabulary.ts';

/** value, unit, comparator of each target, in order. */
const found = (text: string) => extractTargets(text).map((t) => [t.value, t.unit, t.comparator]);

describe('numbers as plans write them', () => {
  it('reads Chinese numerals', () => {
    expect(['三', '十', '十二', '二十五', '一百二十', '一百零五', '两万', '三千', '一亿五千万'].map(chineseNumeralValue))
      .toEqual([3, 10, 12, 25, 120, 105, 20000, 3000, 150000000]);
  });

  it('refuses digit strings that are names, not numbers', () => {
    expect(chineseNumeralValue('十四五')).toBeNull();
    expect(chineseNumeralValue('五四')).toBeNull();
  });

  it('reads ASCII numbers with decimals, thousands commas and 万', () => {
    expect(['1,500', '2.5', '1.5万', '1.1万', '3千'].map(numberValue)).toEqual([1500, 2.5, 15000, 11000, 3000]);
  });

  it('lists units longest first, so 人次 wins over 人', () => {
    expect(TARGET_UNITS.indexOf('人次')).toBeLessThan(TARGET_UNITS.indexOf('人'));
    expect(TARGET_UNITS.indexOf('个百分点')).toBeLessThan(TARGET_UNITS.indexOf('个'));
  });
});

describe('extractTargets', () => {
  it('reads the comparator from the words around the number', () => {
    expect(found('全年开展青年志愿服务培训不少于120场次')).toEqual([[120, '场次', '>=']]);
    expect(found('新建“青年之家”示范阵地3个以上')).toEqual([[3, '个', '>=']]);
    expect(found('来信来访在24小时内答复')).toEqual([[24, '小时', '<=']]);
    expect(found('组建6个内设工作组')).toEqual([[6, '个', '=']]);
    expect(found('开展暑期安全教育，覆盖留守儿童1500人次以上')).toEqual([[1500, '人次', '>=']]);
    expect(found('团员教育评议参评率达到95%')).toEqual([[95, '%', '=']]);
    expect(found('团员教育评议参评率达到95%以上')).toEqual([[95, '%', '>=']]);
    expect(found('团干部缺配率控制在30%以内')).toEqual([[30, '%', '<=']]);
    expect(found('每个县级团委推荐人选不超过5个')).toEqual([[5, '个', '<=']]);
    expect(found('选派300余名大学生返乡实践')).toEqual([[300, '名', '>=']]);
    expect(found('吸纳300多名青年加入志愿服务队')).toEqual([[300, '名', '>=']]);
    expect(found('至少举办2场招聘会')).toEqual([[2, '场', '>=']]);
    expect(found('发放助学金100名')).toEqual([[100, '名', '=']]);
  });

  it('reads Chinese numerals, 万 and money', () => {
    expect(found('建设三个青年创业孵化基地')).toEqual([[3, '个', '=']]);
    expect(found('选树十二个青年文明号集体')).toEqual([[12, '个', '=']]);
    expect(found('线上学习参与两万人次')).toEqual([[20000, '人次', '=']]);
    expect(found('吸引1.5万人参与健步走')).toEqual([[15000, '人', '=']]);
    expect(found('争取青年发展专项资金5000万元')).toEqual([[5000, '万元', '=']]);
    expect(found('募集善款一千二百元')).toEqual([[1200, '元', '=']]);
    expect(found('毕业生团员报到率达到百分之九十')).toEqual([[90, '%', '=']]);
    expect(found('满意率较上年提高3个百分点')).toEqual([[3, '个百分点', '=']]);
    expect(found('服务时长人均20小时')).toEqual([[20, '小时', '=']]);
    expect(found('为困难家庭走访慰问1,200户')).toEqual([[1200, '户', '=']]);
  });

  it('reads full-width digits but keeps the clause as written', () => {
    expect(extractTargets('年内培训团支部书记１２０名。')).toEqual([{ value: 120, unit: '名', comparator: '=', text: '年内培训团支部书记１２０名' }]);
    expect(found('专项行动完成率达到９０％以上')).toEqual([[90, '%', '>=']]);
  });

  it('gives the clause between punctuation marks as the text', () => {
    expect(extractTargets('按照省级部署，各地举办示范培训8期以上；同时做好总结。').map((t) => t.text)).toEqual(['各地举办示范培训8期以上']);
  });

  it('turns a range into an at-least and an at-most target with one unit and text', () => {
    for (const phrase of ['3—5个', '3-5个', '3至5个', '3到5个', '三至五个', '3～5个']) {
      const targets = extractTargets(`每个市州培育${phrase}示范项目`);
      expect(targets.map((t) => [t.value, t.unit, t.comparator]), phrase).toEqual([[3, '个', '>='], [5, '个', '<=']]);
      expect(targets[0]!.text).toBe(targets[1]!.text);
    }
    expect(found('每期培训覆盖1—2万人')).toEqual([[10000, '人', '>='], [20000, '人', '<=']]);
    expect(found('安排资金1000至2000万元')).toEqual([[1000, '万元', '>='], [2000, '万元', '<=']]);
  });

  it('finds several targets in one sentence, in order, each with its own comparator', () => {
    expect(found('举办团干部培训班4期、培训团干部200名，组织基层宣讲不少于30场。')).toEqual([[4, '期', '='], [200, '名', '='], [30, '场', '>=']]);
    expect(found('开展不少于10场专题活动、覆盖青少年500人')).toEqual([[10, '场', '>='], [500, '人', '=']]);
  });

  it('leaves out ordinals, years, meetings and anniversaries', () => {
    expect(found('承办第十七届青少年科技创新大赛和第8届志愿服务项目展')).toEqual([]);
    expect(found('到2025年基本建成青年发展型城市')).toEqual([]);
    expect(found('隆重纪念建团100周年')).toEqual([]);
    expect(found('学习贯彻省委十二届三次全会精神')).toEqual([]);
    expect(found('深入学习贯彻党的十九大和二十大精神')).toEqual([]);
    expect(found('召开第二次全体会议')).toEqual([]);
  });

  it('leaves out numbers in quotation marks and document titles', () => {
    expect(found('教育引导团员青年增强“两个维护”的自觉')).toEqual([]);
    expect(found('落实《示范市青年发展规划（2016—2025年）》要求')).toEqual([]);
    expect(found('打造“五个一”青年文化品牌')).toEqual([]);
  });

  it('leaves out fixed names, product names, levels, kinds and hotlines', () => {
    expect(found('严格执行八项规定精神')).toEqual([]);
    expect(found('遵守团内六条规定')).toEqual([]);
    expect(found('制作H5互动产品')).toEqual([]);
    expect(found('建立省市县三级联动机制')).toEqual([]);
    expect(found('扶持三类青年社会组织')).toEqual([]);
    expect(found('做好12355热线接听工作')).toEqual([]);
    expect(found('实施三支一扶计划')).toEqual([]);
  });

  it('takes a lone 一 for the article, not a count', () => {
    expect(found('按照统一部署，形成一批可推广的经验')).toEqual([]);
  });
});
