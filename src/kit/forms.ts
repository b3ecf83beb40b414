/** A form's values as a page shows them back: text, repeated fields, checkboxes. */
export type FormValues = Record<string, string | string[] | boolean | null | undefined>;

/** A form value as text (the first of a repeated field; "" when there is none). */
export const val = (values: FormValues | undefined, k: string) => {
  const x = values?.[k];
  return typeof x === "string" ? x : Array.isArray(x) ? (x[0] ?? "") : "";
};

/** A checkbox value as a boolean. */
export const isOn = (values: FormValues, k: string) => values[k] === true || values[k] === "on";
