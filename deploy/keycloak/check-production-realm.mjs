// Imports deploy/keycloak/c2c-realm.production.json into the running local Keycloak under a temporary name,
// checks what the platform needs from it, and deletes it again (a step of deploy/local/test.sh):
//   - c2c-reconciler (wallet-service's reconciler) gets a token with the secret given at import, for audience
//     c2c-api, owner_id svc-reconciler and realm role admin; a wrong secret is refused;
//   - the password grant is off for c2c-frontend;
//   - a person who signs in through the browser flow (authorization code + PKCE) with password and OTP gets
//     amr ["pwd","otp"] (the wallet's second factor, ADR 0014); one without an OTP credential gets no "otp".
// The realm's placeholders are filled as the Keycloak operator would (KeycloakRealmImport placeholders) with
// throwaway values; sslRequired is lowered to "external" since the local Keycloak speaks HTTP on 127.0.0.1.
// Usage: node deploy/keycloak/check-production-realm.mjs   (C2C_KEYCLOAK_URL, default http://127.0.0.1:8180;
// admin admin/admin, the local Keycloak's: deploy/local/keycloak.sh)
import { createHash, createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const KC = process.env.C2C_KEYCLOAK_URL ?? "http://127.0.0.1:8180";
const REALM_FILE = join(dirname(fileURLToPath(import.meta.url)), "c2c-realm.production.json");
const realmName = `c2c-prodcheck-${randomBytes(4).toString("hex")}`;
const reconcilerSecret = randomBytes(24).toString("hex");
const origin = "https://app.c2c-check.example";
let passed = 0, failed = 0;

function check(what, ok, detail = "") {
  ok ? passed++ : failed++;
  console.log(`  ${ok ? "ok    " : "FAILED"}  ${what}${ok || !detail ? "" : ` (${detail})`}`);
}

const form = (data) => new URLSearchParams(data);
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());

async function adminToken() {
  const r = await fetch(`${KC}/realms/master/protocol/openid-connect/token`, {
    method: "POST", body: form({ grant_type: "password", client_id: "admin-cli", username: "admin", password: "admin" }),
  });
  if (!r.ok) throw new Error(`no admin token from ${KC} (${r.status}): is Keycloak up (deploy/local/keycloak.sh start)?`);
  return (await r.json()).access_token;
}

async function admin(method, path, body) {
  const r = await fetch(`${KC}/admin/realms${path}`, {
    method, headers: { Authorization: `Bearer ${await adminToken()}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${method} /admin/realms${path}: ${r.status} ${await r.text()}`);
  return r;
}

function tokenEndpoint(data) {
  return fetch(`${KC}/realms/${realmName}/protocol/openid-connect/token`, { method: "POST", body: form(data) });
}

// RFC 6238 with Keycloak's key: the secret's UTF-8 bytes.
function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const h = createHmac("sha1", Buffer.from(secret, "utf8")).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** Signs in through the realm's browser flow as a browser would; answers the access token's claims. */
async function browserSignIn(username, password, otpSecret) {
  const cookies = new Map();
  const go = async (url, body) => {
    const r = await fetch(url, {
      method: body ? "POST" : "GET", redirect: "manual", body,
      headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    // Keycloak's cookies are Secure; kept by hand since this talks plain HTTP to 127.0.0.1.
    for (const c of r.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv.indexOf("="); cookies.set(kv.slice(0, i), kv.slice(i + 1)); }
    return { status: r.status, location: r.headers.get("location"), html: await r.text() };
  };
  const action = (html) => /action="([^"]+)"/.exec(html)?.[1].replaceAll("&amp;", "&");
  const verifier = randomBytes(32).toString("base64url");
  const redirect = `${origin}/signed-in`;
  let page = await go(`${KC}/realms/${realmName}/protocol/openid-connect/auth?` + form({
    client_id: "c2c-frontend", response_type: "code", scope: "openid", redirect_uri: redirect,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256",
  }));
  page = await go(action(page.html), form({ username, password }));
  if (otpSecret) {
    if (!/name="otp"/.test(page.html)) throw new Error(`no OTP form after the password for ${username} (${page.status})`);
    page = await go(action(page.html), form({ otp: totp(otpSecret) }));
  }
  const code = page.location && new URL(page.location).searchParams.get("code");
  if (!code) throw new Error(`no authorization code for ${username} (${page.status} ${page.location ?? ""})`);
  const r = await tokenEndpoint({ grant_type: "authorization_code", client_id: "c2c-frontend", code, redirect_uri: redirect, code_verifier: verifier });
  if (!r.ok) throw new Error(`code exchange for ${username}: ${r.status} ${await r.text()}`);
  return claims((await r.json()).access_token);
}

async function main() {
  // The realm as the Keycloak operator imports it: placeholders filled from Secrets (here throwaway values).
  const text = readFileSync(REALM_FILE, "utf8")
    .replaceAll("${C2C_FRONTEND_ORIGIN}", origin)
    .replaceAll("${C2C_RECONCILER_CLIENT_SECRET}", reconcilerSecret);
  const left = text.match(/\$\{[A-Z0-9_]+\}/g);
  if (left) throw new Error(`placeholders this check does not fill: ${[...new Set(left)].join(" ")} (add them here)`);
  const realm = { ...JSON.parse(text), realm: realmName, sslRequired: "external" };
  console.log(`production realm imported into ${KC} as ${realmName} (deleted afterwards)`);
  await admin("POST", "", realm);
  try {
    let r = await tokenEndpoint({ grant_type: "client_credentials", client_id: "c2c-reconciler", client_secret: reconcilerSecret });
    const rec = r.ok ? claims((await r.json()).access_token) : {};
    check("c2c-reconciler: a token with the secret from its Secret", r.ok, `${r.status}`);
    check("c2c-reconciler's token: audience c2c-api, owner_id svc-reconciler, realm role admin",
      [rec.aud].flat().includes("c2c-api") && rec.owner_id === "svc-reconciler" && (rec.realm_access?.roles ?? []).includes("admin"),
      JSON.stringify({ aud: rec.aud, owner_id: rec.owner_id, roles: rec.realm_access?.roles }));
    r = await tokenEndpoint({ grant_type: "client_credentials", client_id: "c2c-reconciler", client_secret: "not-the-secret" });
    check("c2c-reconciler: a wrong secret is refused", r.status === 401, `${r.status}`);

    // Two people, as an administrator would set them up (one with an OTP credential), by a partial import.
    const password = `Pw-${randomBytes(9).toString("base64url")}9`;
    const otpSecret = randomBytes(10).toString("hex");
    const person = (username, credentials) => ({
      username, enabled: true, email: `${username}@c2c-check.example`, emailVerified: true, firstName: "Check", lastName: "Person",
      attributes: { owner_id: [username] }, realmRoles: ["admin"], credentials: [{ type: "password", value: password, temporary: false }, ...credentials],
    });
    await admin("POST", `/${realmName}/partialImport`, {
      ifResourceExists: "OVERWRITE",
      users: [
        person("with-otp", [{ type: "otp", userLabel: "check", secretData: JSON.stringify({ value: otpSecret }),
          credentialData: JSON.stringify({ subType: "totp", digits: 6, counter: 0, period: 30, algorithm: "HmacSHA1" }) }]),
        person("without-otp", []),
      ],
    });
    r = await tokenEndpoint({ grant_type: "password", client_id: "c2c-frontend", username: "without-otp", password });
    check("c2c-frontend: the password grant is off", r.status === 400 || r.status === 401, `${r.status}`);

    const withOtp = await browserSignIn("with-otp", password, otpSecret);
    check("browser sign-in with password and OTP: amr [pwd, otp], owner_id, audience c2c-api",
      JSON.stringify([...(withOtp.amr ?? [])].sort()) === '["otp","pwd"]' && withOtp.owner_id === "with-otp" && [withOtp.aud].flat().includes("c2c-api"),
      JSON.stringify({ amr: withOtp.amr, owner_id: withOtp.owner_id, aud: withOtp.aud }));
    const withoutOtp = await browserSignIn("without-otp", password, null);
    check("browser sign-in without an OTP credential: amr [pwd], no otp",
      JSON.stringify(withoutOtp.amr ?? []) === '["pwd"]', JSON.stringify({ amr: withoutOtp.amr }));
  } finally {
    await admin("DELETE", `/${realmName}`);
  }
  console.log(`production realm: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log(`  FAILED  ${e.message}`); process.exit(1); });
