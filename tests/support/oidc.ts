import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person the test identity provider knows: their subject and the claims it returns. */
export type OidcUser = { sub: string; email: string; email_verified: boolean; name: string };

/** A real OpenID Connect provider on 127.0.0.1 with an ephemeral port, inside the test process. */
export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people it can sign in, by subject; change them between sign-ins. */
  users: Map<string, OidcUser>;
  /** Logs `sub` in at an authorization URL (dev interactions: login, then consent); the redirect back to the app. */
  signIn: (authorizationUrl: string, sub: string) => Promise<URL>;
  /** Cancels at the login page: the provider sends the browser back with error=access_denied. */
  cancel: (authorizationUrl: string) => Promise<URL>;
  close: () => Promise<void>;
};

/** Starts the provider with one confidential client whose redirect URI is the app's callback. */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const users = new Map<string, OidcUser>();
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "isecg-platform";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ ...users.get(sub)! }) };
    },
    cookies: { keys: ["test-oidc-cookie-key"] },
    pkce: { required: () => true },
    // Explicit lifetimes (seconds), so the provider does not print a notice for each default.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
  });
  // The provider's own "insecure" notices about a test setup are noise here.
  provider.on("server_error", () => {});
  handler = provider.callback();

  const login = async (authorizationUrl: string, act: (jar: Jar, uid: string) => Promise<Response>) => {
    const jar = new Jar();
    let res = await jar.fetch(authorizationUrl);
    for (let i = 0; i < 10; i++) {
      const location = res.headers.get("location");
      if (!location) throw new Error(`The provider answered ${res.status}: ${await res.text()}`);
      const url = new URL(location, issuer);
      if (url.origin !== issuer) return url;
      const uid = /^\/interaction\/([^/]+)$/.exec(url.pathname)?.[1];
      res = uid ? await act(jar, uid) : await jar.fetch(url.href);
    }
    throw new Error("Too many redirects at the provider");
  };
  // Each interaction (login, then consent) is a GET of its page and a POST of its form.
  const interact = (sub: string) => async (jar: Jar, uid: string) => {
    const page = await (await jar.fetch(`${issuer}/interaction/${uid}`)).text();
    const prompt: Record<string, string> = page.includes('name="login"')
      ? { prompt: "login", login: sub, password: "x" }
      : { prompt: "consent" };
    return jar.fetch(`${issuer}/interaction/${uid}`, { method: "POST", body: new URLSearchParams(prompt) });
  };
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    signIn: (url, sub) => login(url, interact(sub)),
    cancel: (url) => login(url, (jar, uid) => jar.fetch(`${issuer}/interaction/${uid}/abort`)),
    // Browsers keep idle (and speculative, never used) connections open; close() alone waits for
    // them until the server's own timeouts, up to a minute.
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Cookies carried by hand between requests to the provider, redirects not followed. */
class Jar {
  private cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  }
}
