import type { MeetingMode } from "../../../../db/schema/index.js";
import { CsrfField, EmptyState, Select, TableScroll, Tag } from "../../../../web/components.js";
import { attendanceModesFor } from "../../meeting-work.policy.js";
import { registrationModeLabels } from "../../meeting-work.schemas.js";
import type { Registration } from "../registrations.queries.js";
import { byAgency } from "../registrations.service.js";

/** The signed-in person's own registration: the form to register or change, and the cancel link. */
export function OwnRegistration(p: {
  slug: string;
  mode: MeetingMode;
  mine: Registration | undefined;
  open: boolean;
  csrf: string;
}) {
  const status = p.mine ? (
    <p>
      You are registered ({registrationModeLabels[p.mine.attendance].toLowerCase()})
      {p.mine.attended ? <> and marked as attended</> : null}.
    </p>
  ) : (
    <p>You are not registered.</p>
  );
  if (!p.open)
    return (
      <>
        {status}
        <p class="muted">Registration closed when the meeting started.</p>
      </>
    );
  const modes = attendanceModesFor(p.mode);
  return (
    <>
      {status}
      <form
        method="post"
        action={`/private/meetings/${p.slug}/registration`}
        class="form form-inline"
        novalidate
      >
        <CsrfField token={p.csrf} />
        <Select
          name="attendance"
          label="I will attend"
          value={p.mine?.attendance ?? modes[0]}
          options={modes.map((m) => ({ value: m, label: registrationModeLabels[m] }))}
          required
        />
        <button class="button" type="submit">
          {p.mine ? "Change registration" : "Register"}
        </button>
      </form>
      {p.mine ? (
        <p>
          <a href={`/private/meetings/${p.slug}/registration/cancel`}>Cancel my registration</a>
        </p>
      ) : null}
    </>
  );
}

/** Who registered, by agency, with how they attend and whether they were marked as attended. */
export function RegistrationsByAgency({ rows }: { rows: Registration[] }) {
  if (!rows.length) return <EmptyState title="Nobody has registered yet" />;
  return (
    <TableScroll label="Registrations by agency">
      <table>
        <caption class="visually-hidden">Registrations by agency</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Person</th>
            <th scope="col">Attends</th>
            <th scope="col">Attended</th>
          </tr>
        </thead>
        <tbody>
          {byAgency(rows).flatMap((g) =>
            g.people.map((r, n) => (
              <tr>
                {n === 0 ? (
                  <th scope="rowgroup" rowspan={g.people.length}>
                    {g.agency}
                  </th>
                ) : null}
                <td>{r.name}</td>
                <td>{registrationModeLabels[r.attendance]}</td>
                <td>{r.attended ? <Tag tone="ok">attended</Tag> : <span class="muted">—</span>}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
