/** A non-empty line of a plan after clean-up, with its line number in the file for warnings. */
export type PlanLine = { number: number; text: string };

/** What Word converters leave in the text (`[bookmark: _GoBack]` marks where the cursor last was). */
const CONVERTER_DEBRIS = /\[bookmark:[^\]\n]*\]/g;

/** The plan's lines: BOM and converter debris removed, line ends unified, each trimmed, empty ones dropped. */
export function planLines(text: string): PlanLine[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
    .map((line, i) => ({ number: i + 1, text: line.replace(CONVERTER_DEBRIS, '').trim() }))
    .filter((line) => line.text !== '');
}
