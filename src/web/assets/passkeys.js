// Passkeys (WebAuthn) for forms marked data-passkey: ask the server for a challenge, let the browser
// create or use a passkey, and send the answer with the form. Forms stay hidden without passkeys.
const dec = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const enc = (buf) =>
  btoa(String.fromCharCode(...new Uint8Array(buf)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const withIds = (list) => (list ?? []).map((c) => ({ ...c, id: dec(c.id) }));

function asJson(cred) {
  if (typeof cred.toJSON === "function") return cred.toJSON();
  const r = cred.response;
  const response = { clientDataJSON: enc(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = enc(r.attestationObject);
    response.transports = r.getTransports ? r.getTransports() : [];
  } else {
    response.authenticatorData = enc(r.authenticatorData);
    response.signature = enc(r.signature);
    if (r.userHandle) response.userHandle = enc(r.userHandle);
  }
  const extensions = cred.getClientExtensionResults();
  return {
    id: cred.id,
    rawId: enc(cred.rawId),
    type: cred.type,
    response,
    clientExtensionResults: extensions,
  };
}

async function run(form) {
  const csrf = form.querySelector("input[name=_csrf]").value;
  const res = await fetch(form.dataset.options, { method: "POST", headers: { "X-CSRF-Token": csrf } });
  if (!res.ok) throw new Error("The server did not answer. Please reload the page and try again.");
  const o = await res.json();
  const cred =
    form.dataset.passkey === "register"
      ? await navigator.credentials.create({
          publicKey: {
            ...o,
            challenge: dec(o.challenge),
            user: { ...o.user, id: dec(o.user.id) },
            excludeCredentials: withIds(o.excludeCredentials),
          },
        })
      : await navigator.credentials.get({
          publicKey: { ...o, challenge: dec(o.challenge), allowCredentials: withIds(o.allowCredentials) },
        });
  form.querySelector("input[name=response]").value = JSON.stringify(asJson(cred));
  form.submit();
}

if (window.PublicKeyCredential) {
  for (const form of document.querySelectorAll("form[data-passkey]")) {
    if (form.dataset.ready) continue;
    form.dataset.ready = "1";
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      const problem = form.querySelector(".passkey-problem");
      problem.hidden = true;
      run(form).catch((e) => {
        problem.textContent =
          e?.name === "NotAllowedError"
            ? "No passkey was used. You can try again."
            : (e?.message ?? "The passkey did not work. Please try again.");
        problem.hidden = false;
      });
    });
  }
}
