/** Paths whose last segment is a secret (feed tokens, the setup code): logged with the secret replaced. */
const SECRET_PATHS = [/^(\/feeds\/calendar\/)[^/]+$/, /^(\/setup\/)[^/]+$/];

/** The request path as it may be written to logs. */
export function loggablePath(path: string): string {
  for (const re of SECRET_PATHS) if (re.test(path)) return path.replace(re, "$1[token]");
  return path;
}
