import { EmptyState, Notice, PageHeader, TableScroll, Tag } from "../../../../web/components.js";
import type { Assessment } from "../assessments.queries.js";
import {
  assessmentPeriod,
  assessmentStatusLabels,
  type PublicDetail,
  publicDetailLabels,
} from "../assessments.schemas.js";

/** The private list of gap assessments, with the public heat map's level of detail. */
export function AssessmentList(p: {
  list: Assessment[];
  level: PublicDetail;
  manage: boolean;
  canSetLevel: boolean;
  notice: string | undefined;
}) {
  const { list, manage } = p;
  return (
    <>
      <PageHeader
        title="Gap assessments"
        lead="Reports of the Technology Working Group's gap assessment teams, as the public section shows them."
        actions={
          manage ? (
            <a class="button" href="/private/technology/assessments/new">
              Add an assessment
            </a>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <p>
        Public heat map: <strong>{publicDetailLabels[p.level]}</strong>
        {p.canSetLevel ? (
          <>
            {" "}
            · <a href="/private/technology/assessments/public-detail">Change what the public sees</a>
          </>
        ) : null}
      </p>
      {list.length === 0 ? (
        <EmptyState title="No gap assessment yet." />
      ) : (
        <TableScroll label="Gap assessments">
          <table>
            <caption>Gap assessments, ongoing first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Period</th>
                <th scope="col">Report</th>
                {manage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`/technology/assessments/${a.slug}`}>{a.title}</a>{" "}
                    {a.uncertain ? <Tag tone="warn">Uncertain</Tag> : null}
                  </th>
                  <td>{assessmentStatusLabels[a.status]}</td>
                  <td class="nowrap">{assessmentPeriod(a)}</td>
                  <td>
                    {a.publication ? (
                      <a href={`/publications/${a.publication.slug}`}>{a.publication.title}</a>
                    ) : (
                      "None"
                    )}
                  </td>
                  {manage ? (
                    <td>
                      <a href={`/private/technology/assessments/${a.slug}/edit`}>
                        Edit<span class="visually-hidden"> {a.title}</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
