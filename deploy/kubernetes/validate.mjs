// Validates every Kustomize overlay (deploy/kubernetes/overlays/*): it must build with `kubectl kustomize`,
// and every object it builds must pass the checks in checks.mjs. Then proves the checks can fail: each
// deliberately broken variant in selftest() must be refused with the expected problem, and so must the
// broken overlay test/broken (built by kubectl like the real ones).
// Usage: node validate.mjs [--selftest] [OVERLAY_DIR...]   (run by validate.sh, offline)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { crossProblems, schemaProblems, secretProblems, shapeProblems, workloadProblems } from "./checks.mjs";
import { GENERATED, HERE, ROOT } from "./sources.mjs";

const UNBUILT = new Map(
  readFileSync(join(HERE, "unbuilt-images.txt"), "utf8").split("\n")
    .map((l) => l.replace(/#.*/, "").trim()).filter(Boolean)
    .map((l) => [l.split(/\s+/)[0], l.split(/\s+/).slice(1).join(" ")]),
);

export function build(dir) {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseAllDocuments(out).map((d) => {
    if (d.errors.length) throw new Error(`${dir}: ${d.errors[0].message}`);
    return d.toJSON();
  }).filter(Boolean);
}

/** Every problem of a set of objects (one overlay's build). */
export async function problemsOf(objs) {
  const problems = [];
  for (const o of objs) {
    const schema = await schemaProblems(o);
    const shape = shapeProblems(o);
    if (schema === null && shape === null) problems.push(`${o.kind}/${o.metadata?.name}: no schema or shape known for ${o.apiVersion} ${o.kind}`);
    problems.push(...(schema ?? []), ...(shape ?? []), ...workloadProblems(o, UNBUILT), ...secretProblems(o));
  }
  problems.push(...crossProblems(objs));
  return problems;
}

function generatedProblems() {
  return GENERATED.filter((g) => !existsSync(g.path) || readFileSync(g.path, "utf8") !== g.render())
    .map((g) => `${relative(ROOT, g.path)} is stale: run node deploy/kubernetes/generate.mjs`);
}

// ------------------------------------------------------------------ the checks can fail

const clone = (x) => structuredClone(x);
const find = (objs, kind, name) => objs.find((o) => o.kind === kind && (!name || o.metadata?.name === name));
const container = (objs, name) => find(objs, "Deployment", name).spec.template.spec.containers[0];
// ConfigMaps from a generator carry a hash suffix.
const configMap = (objs, name) => objs.find((o) => o.kind === "ConfigMap" && (o.metadata?.name === name || o.metadata?.name?.startsWith(`${name}-`)));

/** Each case breaks one thing in a copy of a good build; the checks must name it. */
const BREAKS = [
  ["a Deployment without a readiness probe", /order-service: no readinessProbe/, (o) => { delete container(o, "order-service").readinessProbe; }],
  ["a Deployment without a startup probe", /wallet-service: no startupProbe/, (o) => { delete container(o, "wallet-service").startupProbe; }],
  ["a container without a memory limit", /escrow-service: no memory limit/, (o) => { delete container(o, "escrow-service").resources.limits.memory; }],
  ["a container that may run as root", /chain-watcher: runAsNonRoot is not true/, (o) => {
    const d = find(o, "Deployment", "chain-watcher"); d.spec.template.spec.securityContext.runAsNonRoot = false; }],
  ["a writable root filesystem", /matching-service: readOnlyRootFilesystem is not true/, (o) => { container(o, "matching-service").securityContext.readOnlyRootFilesystem = false; }],
  ["privilege escalation allowed", /order-service: allowPrivilegeEscalation is not false/, (o) => { delete container(o, "order-service").securityContext.allowPrivilegeEscalation; }],
  ["capabilities not dropped", /wallet-service: capabilities do not drop ALL/, (o) => { container(o, "wallet-service").securityContext.capabilities.drop = []; }],
  ["an image by tag", /order-service: image c2c\/order-service:latest is not pinned/, (o) => { container(o, "order-service").image = "c2c/order-service:latest"; }],
  ["a committed Secret value", /Secret\/leaked: a Secret with values is committed/, (o) => {
    o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "leaked" }, stringData: { password: "hunter2" } }); }],
  ["a password as a literal env value", /env C2C_DB_APP_PASSWORD has a literal value/, (o) => {
    container(o, "escrow-service").env.find((e) => e.name === "C2C_DB_APP_PASSWORD").value = "c2c";
    delete container(o, "escrow-service").env.find((e) => e.name === "C2C_DB_APP_PASSWORD").valueFrom; }],
  ["a private key in a ConfigMap", /contains a private key/, (o) => {
    find(o, "ConfigMap", "c2c-platform").data.SIGNING = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----"; }],
  ["an unknown field in a container", /unknown field spec\.template\.spec\.containers\[0\]\.readinesProbe/, (o) => {
    const c = container(o, "order-service"); c.readinesProbe = c.readinessProbe; }],
  ["a wrong type in a core object", /must be integer/, (o) => { find(o, "Service", "wallet-service").spec.ports[0].port = "eighty"; }],
  ["an alert without an expression", /PrometheusRule\/c2c-alerts: .*must have required property expr/, (o) => {
    delete find(o, "PrometheusRule").spec.groups[0].rules[0].expr; }],
  ["an unknown field in an alert", /PrometheusRule\/c2c-alerts: unknown field spec\.groups\[0\]\.rules\[0\]\.severity/, (o) => {
    find(o, "PrometheusRule").spec.groups[0].rules[0].severity = "page"; }],
  ["an unknown field in a certificate", /Certificate\/c2c-edge: unknown field spec\.dnsName/, (o) => {
    const c = find(o, "Certificate", "c2c-edge"); if (c) c.spec.dnsName = "x"; else o.push({ apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "c2c-edge" }, spec: { secretName: "s", issuerRef: { name: "i" }, dnsName: "x" } }); }],
  ["a KafkaTopic with other partitions than topics.conf", /KafkaTopic\/c2c\.order\.events\.v1: 12 partitions, topics\.conf says 6/, (o) => {
    find(o, "KafkaTopic", "c2c.order.events.v1").spec.partitions = 12; }],
  ["a KafkaTopic with another retention", /retention\.ms 1000, topics\.conf says/, (o) => {
    find(o, "KafkaTopic", "c2c.wallet.events.v1").spec.config["retention.ms"] = 1000; }],
  ["a Kafka without listeners", /Kafka\/c2c-kafka: spec\.kafka\.listeners is required/, (o) => { delete find(o, "Kafka").spec.kafka.listeners; }],
  ["an unknown field in a Strimzi object", /KafkaUser\/wallet-service: unknown field spec\.authorisation/, (o) => {
    const u = find(o, "KafkaUser", "wallet-service"); u.spec.authorisation = u.spec.authorization; }],
  ["an ACL on a topic nobody creates", /ACL on topic c2c\.typo\.v1/, (o) => {
    find(o, "KafkaUser", "order-service").spec.authorization.acls[0].resource.name = "c2c.typo.v1"; }],
  ["a consumed topic its KafkaUser may not read", /wallet-service consumes c2c\.order\.events\.v1 \(its application\.properties\) but may not read it/, (o) => {
    const u = find(o, "KafkaUser", "wallet-service");
    u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== "c2c.order.events.v1"); }],
  ["a CloudNativePG cluster without storage", /Cluster\/c2c-pg: spec\.storage is required/, (o) => { delete find(o, "Cluster").spec.storage; }],
  ["a Database of a cluster that does not exist", /Database\/c2c-order: cluster c2c-pq does not exist/, (o) => { find(o, "Database", "c2c-order").spec.cluster.name = "c2c-pq"; }],
  ["a realm import with users", /the realm has users/, (o) => { find(o, "KeycloakRealmImport").spec.realm.users = [{ username: "alice" }]; }],
  ["a Keycloak without a hostname", /Keycloak\/c2c-keycloak: spec\.hostname is required/, (o) => { delete find(o, "Keycloak").spec.hostname; }],
  ["no default-deny NetworkPolicy", /no default-deny NetworkPolicy/, (o) => { o.splice(o.indexOf(find(o, "NetworkPolicy", "default-deny")), 1); }],
  ["a Deployment without a PodDisruptionBudget", /Deployment\/gateway: no PodDisruptionBudget/, (o) => { o.splice(o.indexOf(find(o, "PodDisruptionBudget", "gateway")), 1); }],
  ["autoscaling past the partitions", /maxReplicas 12 exceeds the 6 partitions/, (o) => { find(o, "HorizontalPodAutoscaler", "escrow-service").spec.maxReplicas = 12; }],
  ["two matching engines", /replicas 1 and strategy Recreate/, (o) => { find(o, "Deployment", "matching-service").spec.replicas = 2; }],
  ["a keystore's Secret mounted writable", /wallet-service: the Secret wallet-hot-wallet-keystore is mounted at \/var\/run\/secrets\/c2c\/hot-wallet without readOnly/, (o) => {
    container(o, "wallet-service").volumeMounts.find((m) => m.name === "hot-wallet-keystore").readOnly = false; }],
  ["a keystore path no Secret mount holds", /C2C_DEPOSIT_KEYSTORE=\/var\/run\/secrets\/c2c\/signer\/deposit\.json is not a file of a mounted Secret/, (o) => {
    configMap(o, "wallet-service-config").data.C2C_DEPOSIT_KEYSTORE = "/var/run/secrets/c2c/signer/deposit.json"; }],
  ["too little heap to decrypt a scrypt keystore", /wallet-service: reads a keystore with 384 MiB of heap/, (o) => {
    container(o, "wallet-service").resources.limits.memory = "512Mi"; }],
  ["the deposit xpub left to its development default", /wallet-service: C2C_DEPOSIT_XPUB is not set from a Secret/, (o) => {
    const c = container(o, "wallet-service"); c.env = c.env.filter((e) => e.name !== "C2C_DEPOSIT_XPUB"); }],
  ["no egress to the chain's node", /Deployment\/chain-watcher: c2c\.chain\.chains\.\w+\.rpc-url=https:\/\/\S+ but no NetworkPolicy lets it reach port 443/, (o) => {
    o.splice(o.indexOf(find(o, "NetworkPolicy", "chain-rpc")), 1); }],
  ["a chain RPC over plain HTTP", /Deployment\/wallet-service: c2c\.wallet\.signer\.rpc-url=http:\/\/node:8545 is not HTTPS/, (o) => {
    const cm = configMap(o, "wallet-service-properties");
    cm.data["application.properties"] = cm.data["application.properties"].replace(/^c2c\.wallet\.signer\.rpc-url=.*$/m, "c2c.wallet.signer.rpc-url=http://node:8545"); }],
  ["a service with no chain let out of the cluster", /Deployment\/order-service: may reach addresses outside the cluster/, (o) => {
    find(o, "NetworkPolicy", "chain-rpc").spec.podSelector.matchExpressions[0].values.push("order-service"); }],
  ["a service allowed out to everywhere on a port", /Deployment\/escrow-service: may reach addresses outside the cluster/, (o) => {
    o.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "escrow-out" },
      spec: { podSelector: { matchLabels: { "app.kubernetes.io/name": "escrow-service" } }, policyTypes: ["Egress"], egress: [{ ports: [{ protocol: "TCP", port: 443 }] }] } }); }],
  ["a client secret in the realm", /client c2c-reconciler has its secret in git/, (o) => {
    find(o, "KeycloakRealmImport").spec.realm.clients.find((c) => c.clientId === "c2c-reconciler").secret = "reconciler-secret"; }],
  ["a service account with credentials in the realm", /user service-account-c2c-reconciler has credentials in git/, (o) => {
    find(o, "KeycloakRealmImport").spec.realm.users[0].credentials = [{ type: "password", value: "x" }]; }],
  ["a browser sign-in that does not mark the OTP step", /has no auth-otp-form with reference otp/, (o) => {
    const realm = find(o, "KeycloakRealmImport").spec.realm;
    for (const f of realm.authenticationFlows) for (const e of f.authenticationExecutions) if (e.authenticator === "auth-otp-form") delete e.authenticatorConfig; }],
  ["the wallet on a chain chain-watcher does not follow", /wallet-service: signs on chain 56, which chain-watcher does not follow/, (o) => {
    const cm = configMap(o, "wallet-service-properties");
    cm.data["application.properties"] = cm.data["application.properties"].replace(/^c2c\.wallet\.signer\.chain-id=.*$/m, "c2c.wallet.signer.chain-id=56"); }],
  ["an alert of docs/operations.md that no PrometheusRule carries", /no alert on c2c_wallet_deposits_reorged_after_credit_total/, (o) => {
    for (const g of find(o, "PrometheusRule").spec.groups) g.rules = g.rules.filter((r) => r.alert !== "C2CWalletDepositReorgedAfterCredit"); }],
  ["an object of an unknown kind", /no schema or shape known/, (o) => { o.push({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }); }],
];

async function selftest(good) {
  let passed = 0, failed = 0;
  const baseline = await problemsOf(good);
  if (baseline.length) throw new Error(`selftest needs a valid build, this one has problems:\n${baseline.join("\n")}`);
  for (const [what, expected, breakIt] of BREAKS) {
    const objs = clone(good);
    breakIt(objs);
    const problems = await problemsOf(objs);
    if (problems.some((p) => expected.test(p))) {
      passed++;
      console.log(`  ok      refused: ${what}`);
    } else {
      failed++;
      console.log(`  FAILED  not refused: ${what} (expected ${expected}; got ${problems.length ? problems.join(" | ") : "no problem"})`);
    }
  }
  // A broken overlay on disk, built by kubectl like the real ones.
  const broken = await problemsOf(build(join(HERE, "test/broken")));
  const want = [/order-service: no livenessProbe/, /gateway: image c2c\/gateway:latest is not pinned/, /Secret\/db-password-.*: a Secret with values/];
  for (const w of want) {
    if (broken.some((p) => w.test(p))) { passed++; console.log(`  ok      test/broken refused: ${w}`); }
    else { failed++; console.log(`  FAILED  test/broken not refused: ${w} (got ${broken.join(" | ")})`); }
  }
  return { passed, failed };
}

// ------------------------------------------------------------------ main

const args = process.argv.slice(2);
const wantSelftest = args.includes("--selftest");
const dirs = args.filter((a) => !a.startsWith("--"));
const overlays = dirs.length ? dirs : readdirSync(join(HERE, "overlays")).map((d) => join(HERE, "overlays", d));
let passed = 0, failed = 0;

const stale = generatedProblems();
for (const p of stale) console.log(`  FAILED  ${p}`);
stale.length ? failed++ : passed++;

let firstGood = null;
for (const dir of overlays) {
  const name = relative(HERE, dir);
  let objs;
  try {
    objs = build(dir);
  } catch (e) {
    failed++;
    console.log(`  FAILED  ${name}: kubectl kustomize failed: ${(e.stderr || e.message).toString().trim()}`);
    continue;
  }
  const problems = await problemsOf(objs);
  if (problems.length) {
    failed++;
    console.log(`  FAILED  ${name}: ${problems.length} problems in ${objs.length} objects`);
    for (const p of problems) console.log(`          ${p}`);
  } else {
    passed++;
    const kinds = [...new Set(objs.map((o) => o.kind))].length;
    console.log(`  ok      ${name}: ${objs.length} objects of ${kinds} kinds valid (schemas, operator shapes, policy)`);
    firstGood ??= objs;
  }
}
for (const [image, reason] of UNBUILT) console.log(`  note    image ${image} is not built yet (unbuilt-images.txt): ${reason}`);

if (wantSelftest) {
  if (!firstGood) {
    failed++;
    console.log("  FAILED  selftest: no overlay built cleanly to break");
  } else {
    const r = await selftest(firstGood);
    passed += r.passed;
    failed += r.failed;
  }
}
console.log(`manifests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
