/** Paths whose last segment is a secret (feed tokens, setup and reset codes): logged with the secret replaced. */
const SECRET_PATHS = [
  /^(\/feeds\/calendar\/)[^/]+$/,
  /^(\/setup\/)[^/]+$/,
  /^(\/reset\/)[^/]+$/,
  /^(\/invitation\/)[^/]+$/,
];

/** The request path as it may be written to logs. */
export function loggablePath(path: string): string {
  for (const re of SECRET_PATHS) if (re.test(path)) return path.replace(re, "$1[token]");
  return path;
}
