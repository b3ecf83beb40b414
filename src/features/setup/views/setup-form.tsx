import { CsrfField, ErrorSummary, Field, NewPasswordFields } from "../../../web/components.js";

/** The first secretariat account and the forum's name. */
export function SetupForm(p: {
  code: string;
  csrf: string;
  text: (k: string) => string | undefined;
  errors?: Record<string, string>;
  message?: string;
}) {
  const { errors, text } = p;
  return (
    <div class="wrap narrow">
      <h1>Set up the platform</h1>
      <p class="lead">
        Name the forum and create the first secretariat account. This address works once; afterwards the
        secretariat invites everyone else.
      </p>
      <form method="post" action={`/setup/${p.code}`} class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field
          name="forumName"
          label="Name of the forum"
          value={text("forumName")}
          errors={errors}
          required
        />
        <Field
          name="name"
          label="Your name"
          autocomplete="name"
          value={text("name")}
          errors={errors}
          required
        />
        <Field
          name="email"
          label="Your e-mail address"
          type="email"
          autocomplete="username"
          value={text("email")}
          errors={errors}
          required
        />
        <NewPasswordFields errors={errors} />
        <button class="button" type="submit">
          Create the secretariat account
        </button>
      </form>
    </div>
  );
}
