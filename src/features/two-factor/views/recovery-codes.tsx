import { PageHeader } from "../../../web/components.js";
import { ENROL_PATH } from "../cookies.pages.js";

/** New recovery codes, shown once. */
export function RecoveryCodes(p: { codes: string[]; message: string }) {
  return (
    <>
      <PageHeader title="Your recovery codes" lead={p.message} />
      <p>
        Keep these ten codes somewhere safe, apart from your phone: each lets you sign in once if you lose it.
        They are shown only now.
      </p>
      <ul class="recovery-codes">
        {p.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={ENROL_PATH}>
          I have kept them
        </a>
      </p>
    </>
  );
}
