/** A count with its noun, singular or plural: "1 comment", "3 comments", "0 comments". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : pluralForm}`;
}

/** A code (`accepted_with_changes`) as words ("accepted with changes"), for values with no label map. */
export const codeToWords = (code: string) => code.replace(/_/g, " ");
