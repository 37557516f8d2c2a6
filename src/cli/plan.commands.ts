import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../platform/audit/audit-log.ts';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { DataScope } from '../platform/scope/data-scope.ts';
import { createPlan, planInputFromParse } from '../modules/workplan/create-plan.ts';
import { parsePlanDocument } from '../modules/workplan/parse/parse-plan-document.ts';
import type { PlanParse } from '../modules/workplan/parse/plan-parse.types.ts';
import { positiveInt } from './options.ts';

/** The parse as the command prints it with --json: the structure, the targets and the tags. */
function parseAsJson(parse: PlanParse) {
  return {
    title: parse.title,
    generalIdea: parse.generalIdea,
    sections: parse.sections.map((s) => ({ ordinal: s.ordinal, title: s.title, items: s.items.map((i) => ({ title: i.title, body: i.body, targets: i.targets, tags: i.tags })) })),
    warnings: parse.warnings,
  };
}

function summary(parse: PlanParse): string {
  const items = parse.sections.reduce((n, s) => n + s.items.length, 0);
  const targets = parse.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.targets.length, 0), 0);
  const lines = [`${parse.title}`, `板块 / sections: ${parse.sections.length}  任务 / tasks: ${items}  量化目标 / targets: ${targets}`];
  for (const s of parse.sections) {
    lines.push(`${s.ordinal}、${s.title}（${s.items.length}）`);
    for (const i of s.items) {
      const found = i.targets.map((t) => `${t.comparator} ${t.value}${t.unit}`).join('，');
      lines.push(`  —— ${i.title}${found ? `  [${found}]` : ''}`);
    }
  }
  for (const w of parse.warnings) lines.push(`! ${w}`);
  return lines.join('\n');
}

export function registerPlanCommands(program: Command, config: AppConfig): void {
  const plan = program.command('plan').description('工作要点 / work plans');
  plan
    .command('import')
    .description('导入工作要点（.docx 或 .txt）；--dry-run 只识别不写入 / import a work plan; --dry-run parses without writing')
    .argument('<file>', '.docx 或 .txt 文件 / the document')
    .requiredOption('--year <yyyy>', '年度 / the plan\'s year', positiveInt)
    .option('--org <id>', '所属团委ID（默认省级团委）/ the committee the plan belongs to (default: the root)', positiveInt)
    .option('--dry-run', '只识别，不写入数据库 / parse only, write nothing')
    .option('--json', '以JSON输出识别结果 / print the parse as JSON')
    .action(async (file: string, options: { year: number; org?: number; dryRun?: boolean; json?: boolean }) => {
      const parse = await parsePlanDocument(await readFile(file), path.basename(file));
      if (options.dryRun) {
        console.log(options.json ? JSON.stringify(parseAsJson(parse), null, 2) : summary(parse));
        return;
      }
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const orgId = options.org ?? (await runtime.db.selectFrom('organization').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst())?.id;
        if (orgId === undefined) throw new Error('数据库中没有组织，请先执行 tuanwu seed demo 或建立组织 / no organizations yet');
        const created = await createPlan(
          { db: runtime.db, cipher: runtime.cipher, blindIndex: runtime.blindIndex, auditKey: runtime.auditKey, actor: systemActor, scope: DataScope.system() },
          planInputFromParse(parse, { orgId, year: options.year, sourceName: path.basename(file) }),
        );
        if (options.json) console.log(JSON.stringify({ planId: created.id, ...parseAsJson(parse) }, null, 2));
        else console.log(`${summary(parse)}\n已导入 / imported as plan ${created.id}; 量化目标待确认 / targets await confirmation on the plan page`);
      } finally {
        await runtime.db.destroy();
      }
    });
}
