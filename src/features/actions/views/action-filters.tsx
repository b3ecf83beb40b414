import { labelOptions } from "../../../web/components.js";
import type { ShownFilters } from "../actions.filters.service.js";
import { actionStatusLabels } from "../actions.schemas.js";

type Choice = { value: string; label: string };

function FilterSelect(p: { name: string; label: string; value: string; options: Choice[] }) {
  return (
    <label>
      {p.label}
      <select name={p.name}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The register's filters as a GET form: every choice ends up in the address. */
export function ActionFilterForm(p: {
  f: ShownFilters;
  agencies: string[];
  groups: Choice[];
  meetings: Choice[];
}) {
  return (
    <form method="get" action="/private/actions" class="filters action-filters" aria-label="Filter actions">
      <FilterSelect
        name="status"
        label="Status"
        value={p.f.status}
        options={[
          { value: "live", label: "Open or in progress" },
          ...labelOptions(actionStatusLabels),
          { value: "all", label: "Any status" },
        ]}
      />
      <FilterSelect
        name="agency"
        label="Agency"
        value={p.f.agency}
        options={[
          { value: "all", label: "All agencies" },
          ...p.agencies.map((a) => ({ value: a, label: a })),
        ]}
      />
      <FilterSelect
        name="group"
        label="Group"
        value={p.f.group}
        options={[{ value: "", label: "Any group" }, ...p.groups]}
      />
      <FilterSelect
        name="meeting"
        label="Meeting"
        value={p.f.meeting}
        options={[{ value: "", label: "Any meeting" }, ...p.meetings]}
      />
      <label class="filter-check">
        <input type="checkbox" name="mine" value="1" checked={p.f.mine} /> Only mine
      </label>
      <button class="button" type="submit">
        Show
      </button>
    </form>
  );
}
