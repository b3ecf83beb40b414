import { Notice, PageHeader } from "../../../web/components.js";

/** What the secretariat can do for a person's data request: export their data, or erase it. */
export function PrivacyRequests({
  person,
  erased,
}: {
  person: { id: number; name: string };
  erased: boolean;
}) {
  return (
    <>
      <PageHeader
        title={`Personal data of ${person.name}`}
        lead="Answer a person's request to see or erase what the platform holds about them."
      />
      <Notice text={erased ? "The person's personal data was erased." : null} />
      <h2>Export</h2>
      <p>
        <a href={`/private/people/${person.id}/privacy/export.json`} download>
          Download their data (JSON)
        </a>
        : their record, sessions, API tokens, calendar feeds, mail sent to them and what they did.
      </p>
      <h2>Erase</h2>
      <p>
        <a href={`/private/people/${person.id}/privacy/erase`}>Erase this person…</a> (asks for confirmation)
      </p>
    </>
  );
}
