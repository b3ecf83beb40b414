import { Notice, PageHeader, TableScroll } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { ContentPage } from "../pages.queries.js";

/** The content pages the secretariat edits, each with its public address where it has one. */
export function PageList(p: {
  pages: ContentPage[];
  publicPath: (slug: string) => string | undefined;
  saved: boolean;
}) {
  const { publicPath } = p;
  return (
    <>
      <PageHeader
        title="Content pages"
        lead="The texts of the public sections. Every saved version is kept."
      />
      <Notice text={p.saved ? "The page was saved." : undefined} />
      <TableScroll label="Content pages">
        <table>
          <caption class="visually-hidden">Content pages</caption>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Address</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {p.pages.map((page) => (
              <tr>
                <th scope="row">
                  <a href={`/private/pages/${page.slug}/edit`}>
                    {page.title}
                    <span class="visually-hidden"> (edit)</span>
                  </a>
                </th>
                <td>
                  {publicPath(page.slug) ? <a href={publicPath(page.slug)}>{publicPath(page.slug)}</a> : "—"}
                </td>
                <td>{formatTimestamp(page.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
