// Intl.DateTimeFormat objects are dear to build (ICU loads the zone and the locale's patterns, a
// tenth of a millisecond and native memory each) and cheap to use: one is made per locale, zone
// and kind, and kept. The kinds and zones in use are few (some hundred zones at most).
const formats = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter for `locale` and `options`; throws RangeError for an unknown time zone. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
