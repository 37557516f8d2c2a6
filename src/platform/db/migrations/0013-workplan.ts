import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 工作要点 as live work: departments of a committee, the plan with its sections and tasks, the
 * targets (indicators), assignments down the tree with quotas, milestones, progress reports with
 * figures and attachments, and supervision remarks.
 */
export function workplan(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('work_department'), engine)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('work_department_org_name_idx').on('work_department').columns(['org_id', 'name']).unique().execute();

      await addIdColumn(db.schema.createTable('work_plan'), engine)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('general_idea', 'text', (c) => c.notNull())
        .addColumn('source_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('work_plan_org_year_idx').on('work_plan').columns(['org_id', 'year']).unique().execute();
      await db.schema.createIndex('work_plan_path_idx').on('work_plan').columns(['org_path', 'year']).execute();

      await addIdColumn(db.schema.createTable('plan_section'), engine)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('work_plan.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('ordinal', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('weight', 'real', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_section_plan_idx').on('plan_section').columns(['plan_id', 'position']).execute();

      await addIdColumn(db.schema.createTable('plan_task'), engine)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('work_plan.id'))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('plan_section.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('weight', 'real', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('lead_department_id', 'integer', (c) => c.references('work_department.id'))
        .addColumn('evaluation_score', 'integer')
        .addColumn('evaluation_comment', 'text')
        .addColumn('evaluated_by', 'text')
        .addColumn('evaluated_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_task_plan_idx').on('plan_task').columns(['plan_id', 'section_id', 'position']).execute();

      await db.schema.createTable('plan_task_tag')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_task_tag_pk', ['task_id', 'tag'])
        .execute();
      await db.schema.createIndex('plan_task_tag_tag_idx').on('plan_task_tag').columns(['tag']).execute();

      await db.schema.createTable('plan_task_department')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('department_id', 'integer', (c) => c.notNull().references('work_department.id'))
        .addPrimaryKeyConstraint('plan_task_department_pk', ['task_id', 'department_id'])
        .execute();

      await addIdColumn(db.schema.createTable('plan_target'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text')
        .addColumn('value', 'real', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('comparator', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('metric_key', 'text')
        .addColumn('weight', 'real', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_target_task_idx').on('plan_target').columns(['task_id', 'position']).execute();

      await addIdColumn(db.schema.createTable('plan_assignment'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('plan_assignment.id'))
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_assignment_task_org_idx').on('plan_assignment').columns(['task_id', 'org_id']).unique().execute();
      await db.schema.createIndex('plan_assignment_path_idx').on('plan_assignment').columns(['org_path']).execute();

      await db.schema.createTable('plan_quota')
        .addColumn('assignment_id', 'integer', (c) => c.notNull().references('plan_assignment.id'))
        .addColumn('target_id', 'integer', (c) => c.notNull().references('plan_target.id'))
        .addColumn('quota', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_quota_pk', ['assignment_id', 'target_id'])
        .execute();

      await addIdColumn(db.schema.createTable('plan_milestone'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('done_on', 'text')
        .addColumn('done_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_milestone_task_idx').on('plan_milestone').columns(['task_id', 'due_on']).execute();

      await addIdColumn(db.schema.createTable('plan_report'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.references('work_department.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_report_task_idx').on('plan_report').columns(['task_id', 'org_id', 'created_at']).execute();
      await db.schema.createIndex('plan_report_path_idx').on('plan_report').columns(['org_path']).execute();

      await db.schema.createTable('plan_report_figure')
        .addColumn('report_id', 'integer', (c) => c.notNull().references('plan_report.id'))
        .addColumn('target_id', 'integer', (c) => c.notNull().references('plan_target.id'))
        .addColumn('value', 'real', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_report_figure_pk', ['report_id', 'target_id'])
        .execute();
      await db.schema.createIndex('plan_report_figure_target_idx').on('plan_report_figure').columns(['target_id']).execute();

      await addIdColumn(db.schema.createTable('plan_attachment'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('report_id', 'integer', (c) => c.references('plan_report.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_attachment_task_idx').on('plan_attachment').columns(['task_id', 'report_id']).execute();

      await addIdColumn(db.schema.createTable('plan_remark'), engine)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_task.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .execute();
      await db.schema.createIndex('plan_remark_task_idx').on('plan_remark').columns(['task_id', 'created_at']).execute();
      await db.schema.createIndex('plan_remark_path_idx').on('plan_remark').columns(['org_path', 'answered_at']).execute();
    },
  };
}
