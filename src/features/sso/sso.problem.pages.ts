/** Why a sign-in with single sign-on stopped: a status, a title and a sentence the person can act on. */
export class SsoProblem extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 502,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** The flow cookie is missing, used or stale: the sign-in has to start again. */
export const startAgain = (why: string) =>
  new SsoProblem(
    400,
    "Please start the sign-in again",
    `${why} Go back to the sign-in page and choose your agency again.`,
  );

/** The identity was fine but no account may be opened with it. */
export const noAccount = (why: string) => new SsoProblem(403, "No account for this identity", why);
