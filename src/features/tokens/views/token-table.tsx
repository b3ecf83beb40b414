import { EmptyState, TableScroll, Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { TokenRow } from "../tokens.queries.js";

/** Where a token stands now: revoked, expired or active (told in words, not colour alone). */
function TokenState({ token, now }: { token: TokenRow; now: Date }) {
  if (token.revokedAt) return <Tag tone="muted">Revoked {formatTimestamp(token.revokedAt)}</Tag>;
  if (token.expiresAt && token.expiresAt <= now) return <Tag tone="warn">Expired</Tag>;
  return <Tag tone="ok">Active</Tag>;
}

/** The tokens of the agencies the viewer manages, with a revoke link on the active ones. */
export function TokenTable({ tokens, now }: { tokens: TokenRow[]; now: Date }) {
  if (tokens.length === 0) {
    return (
      <EmptyState title="No API tokens yet">
        Create one below for a system that publishes your agency's plans through the API.
      </EmptyState>
    );
  }
  return (
    <TableScroll label="API tokens">
      <table>
        <caption class="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Agency</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const usable = !t.revokedAt && !(t.expiresAt && t.expiresAt <= now);
            return (
              <tr>
                <th scope="row">{t.name}</th>
                <td>{t.acronym}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>
                  {formatTimestamp(t.createdAt)}
                  <div class="muted small">by {t.createdByName}</div>
                </td>
                <td>{t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : "Never"}</td>
                <td>{t.expiresAt ? formatTimestamp(t.expiresAt) : "Never"}</td>
                <td>
                  <TokenState token={t} now={now} />
                </td>
                <td>
                  {usable ? (
                    <a href={`/private/tokens/${t.id}/revoke`}>
                      Revoke<span class="visually-hidden"> {t.name}</span>
                    </a>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
