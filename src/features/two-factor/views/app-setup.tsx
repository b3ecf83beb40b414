import { CsrfField, ErrorSummary, Field, PageHeader } from "../../../web/components.js";
import { ENROL_PATH } from "../cookies.pages.js";

/** Setting up an authenticator app: its QR code (an SVG made here), the key, and the first code. */
export function AppSetup(p: {
  svg: string;
  secret: string;
  csrf: string;
  errors?: Record<string, string>;
  message?: string;
}) {
  return (
    <>
      <PageHeader title="Set up an authenticator app" />
      <ol>
        <li>Open the authenticator app on your phone and add an account.</li>
        <li>Scan this QR code, or type the key below into the app.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <div
        class="qr-code"
        role="img"
        aria-label="QR code for your authenticator app"
        dangerouslySetInnerHTML={{ __html: p.svg }}
      />
      <p>
        Key: <code class="totp-secret">{p.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
      </p>
      <form method="post" action={`${ENROL_PATH}/app`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field
          name="code"
          label="Code from the app"
          autocomplete="one-time-code"
          inputmode="numeric"
          errors={p.errors}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Switch on
          </button>
          <a href={ENROL_PATH}>Not now</a>
        </p>
      </form>
    </>
  );
}
