import { describe, expect, it } from "vitest";
import { EmptyState } from "./components.js";
import { type Column, DataTable } from "./table.js";

const render = async (node: unknown) => String(await (node as Promise<unknown> | string));

type Agency = { acronym: string; country: string };
const columns: Column<Agency>[] = [
  { heading: "Acronym", cell: (a) => <a href={`/members/${a.acronym}`}>{a.acronym}</a> },
  { heading: "Country", cell: (a) => a.country, class: "nowrap" },
  { heading: "Actions", headingHidden: true, cell: (a) => `Edit ${a.acronym}` },
];
const rows: Agency[] = [
  { acronym: "ESA", country: "Europe" },
  { acronym: "JAXA", country: "Japan" },
];

describe("the list pages' table", () => {
  it("names itself in a scrolling region and a caption, and heads each row with its first cell", async () => {
    const html = await render(<DataTable label="Agencies" columns={columns} rows={rows} />);
    expect(html).toContain('<section class="table-scroll" tabindex="0" aria-label="Agencies">');
    expect(html).toContain('<caption class="visually-hidden">Agencies</caption>');
    expect(html).toContain(
      '<tr><th scope="col">Acronym</th><th scope="col">Country</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row"><a href="/members/ESA">ESA</a></th><td class="nowrap">Europe</td><td>Edit ESA</td></tr>',
    );
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it("shows the empty state instead of a table with no rows, and an empty table when none is given", async () => {
    const empty = <EmptyState title="No agency matches these filters." />;
    const html = await render(<DataTable label="Agencies" columns={columns} rows={[]} empty={empty} />);
    expect(html).toContain("No agency matches these filters.");
    expect(html).not.toContain("<table");
    expect(await render(<DataTable label="Agencies" columns={columns} rows={[]} />)).toContain(
      "<tbody></tbody>",
    );
  });

  it("keeps every cell a data cell when no cell names the row, and says more in the caption when asked", async () => {
    const html = await render(
      <DataTable
        label="Agencies"
        caption="Agencies, by acronym"
        columns={columns}
        rows={rows}
        rowHeader={false}
      />,
    );
    expect(html).not.toContain('scope="row"');
    expect(html).toContain('<td><a href="/members/ESA">ESA</a></td>');
    expect(html).toContain('<caption class="visually-hidden">Agencies, by acronym</caption>');
  });
  it("heads the row with another column when asked, shows the caption, and marks rows by their record", async () => {
    const html = await render(
      <DataTable
        label="Agencies"
        columns={columns}
        rows={rows}
        rowHeader={1}
        showCaption
        rowClass={(a) => (a.acronym === "JAXA" ? "highlight" : undefined)}
      />,
    );
    expect(html).toContain("<caption>Agencies</caption>");
    expect(html).toContain(
      '<tr><td><a href="/members/ESA">ESA</a></td><th scope="row" class="nowrap">Europe</th>',
    );
    expect(html).toContain('<tr class="highlight"><td><a href="/members/JAXA">JAXA</a></td>');
  });
});
