import { parsePlanText } from './parse-plan-text.ts';
import type { PlanParse } from './plan-parse.types.ts';
import { readPlanDocument } from './read-plan-document.ts';

/** An uploaded 工作要点 (.docx or .txt) as structure; throws PlanDocumentUnreadable when the file is neither. */
export async function parsePlanDocument(bytes: Buffer, fileName: string): Promise<PlanParse> {
  return parsePlanText(await readPlanDocument(bytes, fileName));
}
