import type { NewPlanInput, PlanParse } from '../types/workplan';

/** The key of a found target in the preview: section, item and target positions. */
export const targetKey = (section: number, item: number, target: number) => `${section}.${item}.${target}`;

/** Every target the parser found, all kept by default. */
export function allTargetKeys(parse: PlanParse): Set<string> {
  const keys = new Set<string>();
  parse.sections.forEach((s, si) => s.items.forEach((item, ii) => item.targets.forEach((_, ti) => keys.add(targetKey(si, ii, ti)))));
  return keys;
}

/** The parse as a new plan: the targets kept become confirmed indicators, the others are dropped. */
export function newPlanInput(
  parse: PlanParse,
  kept: ReadonlySet<string>,
  setup: { orgId: number; year: number; title: string; sourceName: string | null },
): NewPlanInput {
  return {
    orgId: setup.orgId,
    year: setup.year,
    title: setup.title,
    generalIdea: parse.generalIdea,
    sourceName: setup.sourceName,
    sections: parse.sections.map((section, si) => ({
      ordinal: section.ordinal,
      title: section.title,
      items: section.items.map((item, ii) => ({
        title: item.title,
        body: item.body,
        tags: item.tags,
        targets: item.targets.filter((_, ti) => kept.has(targetKey(si, ii, ti))).map((target) => ({ ...target, confirmed: true })),
      })),
    })),
  };
}

/** Sections, items and targets found, for the preview's summary. */
export function parseCounts(parse: PlanParse): { sections: number; tasks: number; targets: number } {
  const items = parse.sections.flatMap((s) => s.items);
  return { sections: parse.sections.length, tasks: items.length, targets: items.reduce((n, item) => n + item.targets.length, 0) };
}
