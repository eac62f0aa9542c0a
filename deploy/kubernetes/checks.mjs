// The checks validate.mjs runs on every object an overlay builds to. Each check returns a list of problems
// ("<kind>/<name>: what is wrong"); an empty list means the object passes.
//   schema   Kubernetes, Prometheus Operator and cert-manager kinds: the npm kubernetes-models validators
//            (types, required fields, enums) plus unknownFields (they ignore fields they do not know).
//   shapes   Strimzi, CloudNativePG and the Keycloak operator: no CRD schema of theirs is published to the
//            registries reachable here, so their required structure and allowed fields are written down
//            in crdShapes.mjs from the operators' documented APIs.
//   policy   what every workload must have (probes, limits, restricted security context, pinned image),
//            no secret values, and the cross-object rules (topics = topics.conf, ACLs name real topics,
//            autoscaling within the partitions).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CRD_SHAPES, checkShape } from "./crdShapes.mjs";
import { HERE, ROOT, readTopics } from "./sources.mjs";

const OPERATIONS = join(ROOT, "docs/operations.md");

const NODE_MODULES = join(HERE, "node_modules");
const id = (o) => `${o?.kind}/${o?.metadata?.name}`;

// ---------------------------------------------------------------- schema (npm kubernetes-models)

/** apiVersion -> the module holding its models. */
function modelModule(apiVersion) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  if (apiVersion.startsWith("cert-manager.io/")) return `@kubernetes-models/cert-manager/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

export async function modelFor(obj) {
  if (!obj.apiVersion || !obj.kind) return null;
  const mod = modelModule(obj.apiVersion);
  if (!existsSync(join(NODE_MODULES, mod))) return null;
  const models = await import(mod);
  return models[obj.kind] ? { Model: models[obj.kind], dts: join(NODE_MODULES, mod, `${obj.kind}.d.ts`) } : null;
}

export async function schemaProblems(obj) {
  const model = await modelFor(obj);
  if (!model) return null; // not a kind these packages know
  const problems = [];
  try {
    new model.Model(obj).validate();
  } catch (e) {
    problems.push(`${id(obj)}: ${e.message}`);
  }
  for (const path of unknownFields(obj, model.dts)) problems.push(`${id(obj)}: unknown field ${path}`);
  return problems;
}

// The validators accept any extra field; the models' TypeScript declarations list every known one.
// An interface is read from its .d.ts: properties at the interface's top level, and the imported
// interface each refers to (directly or as Array<...>); inline object types and aliases are leaves.
const interfaces = new Map();
function readInterface(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  let result = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const imports = new Map();
    for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
      const spec = m[2].replace(/\.js$/, "");
      imports.set(m[1], spec.startsWith(".") ? join(dirname(file), `${spec}.d.ts`) : join(NODE_MODULES, `${spec}.d.ts`));
    }
    const start = text.search(/^export interface \w+/m);
    if (start >= 0) {
      const body = text.slice(start, text.indexOf("\n}", start));
      const props = new Map();
      for (const m of body.matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
        const type = m[2].replace(/;$/, "");
        const ref = /^(?:Array<)?(\w+)>?$/.exec(type);
        props.set(m[1], { file: ref && imports.get(ref[1]), isArray: type.startsWith("Array<") });
      }
      result = props;
    }
  }
  interfaces.set(file, result);
  return result;
}

export function unknownFields(value, file, path = "") {
  const props = readInterface(file);
  if (!props || value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const found = [];
  for (const [key, child] of Object.entries(value)) {
    const p = props.get(key);
    if (!p) {
      found.push(`${path}.${key}`.replace(/^\./, ""));
      continue;
    }
    if (!p.file) continue;
    const items = p.isArray && Array.isArray(child) ? child.map((c, i) => [c, `${path}.${key}[${i}]`]) : [[child, `${path}.${key}`]];
    for (const [c, cp] of items) found.push(...unknownFields(c, p.file, cp));
  }
  return found;
}

// ---------------------------------------------------------------- shapes (operators' custom resources)

export function shapeProblems(obj) {
  const shape = CRD_SHAPES[`${obj.apiVersion}/${obj.kind}`];
  if (!shape) return null;
  return checkShape(obj, shape).map((p) => `${id(obj)}: ${p}`);
}

// ---------------------------------------------------------------- policy

/**
 * The topics and groups a service consumes, from its application.properties (the default profile): a channel's
 * `topic` or comma-separated `topics` (ADR 0021: one channel reads them all, each named under `c2c.in.<source>`,
 * so `${key}` expressions are expanded from the same file).
 */
export function consumedBy(service) {
  const file = join(ROOT, String(service), "src/main/resources/application.properties");
  if (!service || !existsSync(file)) return [];
  const props = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([^#%!\s][^=]*)=(.*)$/.exec(line.trim());
    if (m) props.set(m[1].trim(), m[2].trim());
  }
  const expand = (value, depth = 0) => depth > 5 ? value
    : value.replace(/\$\{([^}:]+)(?::[^}]*)?\}/g, (whole, key) => props.has(key) ? expand(props.get(key), depth + 1) : whole);
  const consumed = [];
  for (const [k, v] of props) {
    const m = /^mp\.messaging\.incoming\.([^.=]+)\.(topic|topics)$/.exec(k);
    if (!m) continue;
    const group = props.get(`mp.messaging.incoming.${m[1]}.group.id`);
    for (const topic of expand(v).split(",").map((t) => t.trim()).filter(Boolean)) consumed.push({ topic, group });
  }
  return consumed;
}

const POD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"]);
const DIGEST = /@sha256:[0-9a-f]{64}$/;
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|JAAS|CREDENTIAL)/i;
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// A secret-sounding setting whose value is the path of a mounted Secret's file names the secret, it is not one.
const SECRET_FILE_PATH = /^\/(var\/run\/secrets|etc\/secrets)\//;

function podSpec(obj) {
  if (obj.kind === "CronJob") return obj.spec?.jobTemplate?.spec?.template?.spec;
  return POD_KINDS.has(obj.kind) ? obj.spec?.template?.spec : obj.kind === "Pod" ? obj.spec : undefined;
}

/** Every container of every workload: probes, requests and limits, restricted security context, pinned image. */
export function workloadProblems(obj, unbuilt) {
  const spec = podSpec(obj);
  if (!spec) return [];
  const problems = [];
  const pod = spec.securityContext ?? {};
  const say = (c, what) => problems.push(`${id(obj)} container ${c.name}: ${what}`);
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push(`${id(obj)}: uses the host's namespaces`);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const isInit = (spec.initContainers ?? []).includes(c);
    if (!isInit) {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) if (!c[probe]) say(c, `no ${probe}`);
    }
    for (const r of ["cpu", "memory"]) {
      if (!c.resources?.requests?.[r]) say(c, `no ${r} request`);
      if (!c.resources?.limits?.[r]) say(c, `no ${r} limit`);
    }
    const sc = c.securityContext ?? {};
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) say(c, "runAsNonRoot is not true");
    if ((sc.runAsUser ?? pod.runAsUser) === 0) say(c, "runs as uid 0");
    if (sc.allowPrivilegeEscalation !== false) say(c, "allowPrivilegeEscalation is not false");
    if (sc.readOnlyRootFilesystem !== true) say(c, "readOnlyRootFilesystem is not true");
    if (sc.privileged === true) say(c, "privileged");
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) say(c, "capabilities do not drop ALL");
    if ((sc.capabilities?.add ?? []).length) say(c, `adds capabilities ${sc.capabilities.add}`);
    if ((sc.seccompProfile?.type ?? pod.seccompProfile?.type) !== "RuntimeDefault") say(c, "seccompProfile is not RuntimeDefault");
    const image = c.image ?? "";
    if (!DIGEST.test(image)) {
      if (unbuilt.has(image)) {
        // Listed in unbuilt-images.txt with a reason: reported, not a failure (the list must shrink to empty).
      } else say(c, `image ${image || "(none)"} is not pinned by digest (name@sha256:...)`);
    }
    for (const e of c.env ?? []) {
      if (e.value !== undefined && SECRET_NAME.test(e.name) && e.value !== "" && !SECRET_FILE_PATH.test(e.value)) say(c, `env ${e.name} has a literal value: take it from a Secret (valueFrom.secretKeyRef)`);
    }
  }
  return problems;
}

/** No secret values in what git holds: no Secret with data, no secret-looking ConfigMap keys, no private keys. */
export function secretProblems(obj) {
  const problems = [];
  if (obj.kind === "Secret" && (Object.keys(obj.data ?? {}).length || Object.keys(obj.stringData ?? {}).length)) {
    problems.push(`${id(obj)}: a Secret with values is committed; create it in the cluster (docs/operations.md) and reference it by name`);
  }
  if (obj.kind === "ConfigMap") {
    for (const [k, v] of Object.entries(obj.data ?? {})) {
      if (SECRET_NAME.test(k) && v && !SECRET_FILE_PATH.test(v)) problems.push(`${id(obj)}: key ${k} looks like a secret; put it in a Secret`);
    }
  }
  if (PRIVATE_KEY_PEM.test(JSON.stringify(obj))) problems.push(`${id(obj)}: contains a private key`);
  return problems;
}

/** Rules across objects: every overlay must keep them. */
export function crossProblems(objs) {
  const problems = [];
  const of = (kind) => objs.filter((o) => o.kind === kind);
  const names = (kind) => new Set(of(kind).map((o) => o.metadata?.name));

  // Deny by default.
  const denyAll = of("NetworkPolicy").some(
    (p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && ["Ingress", "Egress"].every((t) => p.spec?.policyTypes?.includes(t)) &&
      !p.spec?.ingress && !p.spec?.egress,
  );
  if (!denyAll) problems.push("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");

  // Every Deployment has a PodDisruptionBudget selecting it.
  for (const d of of("Deployment")) {
    const labels = d.spec?.template?.metadata?.labels ?? {};
    const covered = of("PodDisruptionBudget").some((p) =>
      Object.entries(p.spec?.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) && Object.keys(p.spec?.selector?.matchLabels ?? {}).length);
    if (!covered) problems.push(`${id(d)}: no PodDisruptionBudget selects it`);
  }

  // KafkaTopics are exactly topics.conf (partitions, retention): the one source of truth.
  const topics = of("KafkaTopic");
  for (const t of readTopics()) {
    const k = topics.find((o) => (o.spec?.topicName ?? o.metadata?.name) === t.name);
    if (!k) problems.push(`topics.conf topic ${t.name} has no KafkaTopic`);
    else {
      if (k.spec?.partitions !== t.partitions) problems.push(`${id(k)}: ${k.spec?.partitions} partitions, topics.conf says ${t.partitions}`);
      if (Number(k.spec?.config?.["retention.ms"]) !== t.retentionMs) problems.push(`${id(k)}: retention.ms ${k.spec?.config?.["retention.ms"]}, topics.conf says ${t.retentionMs}`);
    }
  }
  const confNames = new Set(readTopics().map((t) => t.name));
  for (const k of topics) if (!confNames.has(k.spec?.topicName ?? k.metadata?.name)) problems.push(`${id(k)}: not in topics.conf`);

  // Operators' objects point at objects that exist.
  const kafkas = names("Kafka");
  for (const o of [...topics, ...of("KafkaUser"), ...of("KafkaNodePool")]) {
    const c = o.metadata?.labels?.["strimzi.io/cluster"];
    if (!kafkas.has(c)) problems.push(`${id(o)}: label strimzi.io/cluster=${c} names no Kafka`);
  }
  const topicNames = new Set(topics.map((t) => t.spec?.topicName ?? t.metadata?.name));
  for (const u of of("KafkaUser")) {
    for (const acl of u.spec?.authorization?.acls ?? []) {
      const r = acl.resource ?? {};
      if (r.type === "topic" && (r.patternType ?? "literal") === "literal" && !topicNames.has(r.name)) {
        problems.push(`${id(u)}: ACL on topic ${r.name}, which no KafkaTopic creates`);
      }
    }
  }
  // Each service's KafkaUser may read every topic its application.properties consumes, in its group.
  for (const u of of("KafkaUser")) {
    const acls = u.spec?.authorization?.acls ?? [];
    const allows = (type, name, op) => acls.some((a) => a.resource?.type === type && a.operations?.includes(op) &&
      ((a.resource.patternType ?? "literal") === "literal" ? a.resource.name === name : name.startsWith(a.resource.name)));
    for (const { topic, group } of consumedBy(u.metadata?.name)) {
      if (!allows("topic", topic, "Read")) problems.push(`${id(u)}: ${u.metadata.name} consumes ${topic} (its application.properties) but may not read it`);
      if (group && !allows("group", group, "Read")) problems.push(`${id(u)}: ${u.metadata.name} consumes in group ${group} but may not use it`);
    }
  }
  const clusters = names("Cluster");
  for (const o of [...of("Database"), ...of("ScheduledBackup")]) {
    if (!clusters.has(o.spec?.cluster?.name)) problems.push(`${id(o)}: cluster ${o.spec?.cluster?.name} does not exist`);
  }
  const keycloaks = names("Keycloak");
  for (const r of of("KeycloakRealmImport")) {
    if (!keycloaks.has(r.spec?.keycloakCRName)) problems.push(`${id(r)}: keycloakCRName ${r.spec?.keycloakCRName} names no Keycloak`);
    problems.push(...realmProblems(r));
  }

  // Autoscaling stays within what the partitions allow: a consumer beyond the partition count of every
  // topic its group reads sits idle (its KafkaUser's ACLs say which topics it reads).
  const partitions = new Map(topics.map((t) => [t.spec?.topicName ?? t.metadata?.name, t.spec?.partitions]));
  for (const h of of("HorizontalPodAutoscaler")) {
    const target = h.spec?.scaleTargetRef?.name;
    if (target === "matching-service") problems.push(`${id(h)}: the matching engine is one writer (ADR 0004); it must not autoscale`);
    const user = of("KafkaUser").find((u) => u.metadata?.name === target);
    const read = (user?.spec?.authorization?.acls ?? [])
      .filter((a) => a.resource?.type === "topic" && a.resource?.name !== "c2c.deadletter.v1" && a.operations?.includes("Read"))
      .map((a) => partitions.get(a.resource.name) ?? Infinity);
    // A pod past the largest topic's partition count gets no partition of any topic.
    const limit = read.length ? Math.max(...read) : Infinity;
    if (h.spec?.maxReplicas > limit) problems.push(`${id(h)}: maxReplicas ${h.spec.maxReplicas} exceeds the ${limit} partitions of the largest topic ${target} consumes`);
  }
  problems.push(...keystoreProblems(objs), ...chainRpcProblems(objs), ...chainAgreementProblems(objs), ...alertProblems(objs));
  const matching = of("Deployment").find((d) => d.metadata?.name === "matching-service");
  if (matching && (matching.spec?.replicas !== 1 || matching.spec?.strategy?.type !== "Recreate")) {
    problems.push(`${id(matching)}: the engine is one writer (ADR 0004): replicas 1 and strategy Recreate`);
  }
  return problems;
}

// ---------------------------------------------------------------- the realm

/** Every execution of a flow, its subflows' included (by flowAlias). */
function executionsOf(realm, alias, seen = new Set()) {
  if (seen.has(alias)) return [];
  seen.add(alias);
  const flow = (realm.authenticationFlows ?? []).find((f) => f.alias === alias);
  return (flow?.authenticationExecutions ?? []).flatMap((e) => [e, ...(e.authenticatorFlow ? executionsOf(realm, e.flowAlias, seen) : [])]);
}

/**
 * The production realm: no people (a service account of one of its own clients, without credentials, is the
 * only user allowed); no client secret in git (a confidential client's secret is a ${placeholder} filled from a
 * Secret at import); and the browser sign-in marks its password and OTP steps, so tokens carry amr pwd/otp and
 * the wallet's second-factor check (ADR 0014) can pass.
 */
export function realmProblems(r) {
  const problems = [];
  const realm = r.spec?.realm ?? {};
  const clients = new Set((realm.clients ?? []).map((c) => c.clientId));
  for (const u of realm.users ?? []) {
    if (!u.serviceAccountClientId) problems.push(`${id(r)}: the realm has users (user ${u.username}; the production realm must not)`);
    else if (!clients.has(u.serviceAccountClientId)) problems.push(`${id(r)}: service account ${u.username} of client ${u.serviceAccountClientId}, which the realm does not define`);
    if ((u.credentials ?? []).length) problems.push(`${id(r)}: user ${u.username} has credentials in git`);
  }
  for (const c of realm.clients ?? []) {
    if (c.secret !== undefined && !/^\$\{[A-Z0-9_]+\}$/.test(c.secret)) problems.push(`${id(r)}: client ${c.clientId} has its secret in git (use a \${PLACEHOLDER} filled from a Secret)`);
  }
  const configs = new Map((realm.authenticatorConfig ?? []).map((c) => [c.alias, c.config ?? {}]));
  const browser = executionsOf(realm, realm.browserFlow ?? "browser");
  for (const [authenticator, ref] of [["auth-username-password-form", "pwd"], ["auth-otp-form", "otp"]]) {
    const marked = browser.some((e) => e.authenticator === authenticator && configs.get(e.authenticatorConfig)?.["default.reference.value"] === ref);
    if (!marked) problems.push(`${id(r)}: the browser flow ${realm.browserFlow ?? "browser"} has no ${authenticator} with reference ${ref} (tokens would carry no amr ${ref}; ADR 0014)`);
  }
  return problems;
}

// ---------------------------------------------------------------- keys and chains

const UNIT_MIB = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1e3 / 2 ** 20, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 };
/** A Kubernetes memory quantity in MiB (NaN if it is not one). */
export function mebibytes(q) {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G)?$/.exec(String(q ?? ""));
  return m ? Number(m[1]) * (m[2] ? UNIT_MIB[m[2]] : 1 / 2 ** 20) : NaN;
}

/** The settings a container sees as environment: the ConfigMaps it takes whole (envFrom), then its own env. */
function settingsOf(c, objs) {
  const settings = new Map();
  for (const f of c.envFrom ?? []) {
    const cm = f.configMapRef && objs.find((o) => o.kind === "ConfigMap" && o.metadata?.name === f.configMapRef.name);
    for (const [k, v] of Object.entries(cm?.data ?? {})) settings.set(k, { value: v });
  }
  for (const e of c.env ?? []) settings.set(e.name, e.valueFrom ? { from: e.valueFrom } : { value: e.value });
  return settings;
}

/** The files a container sees from Secrets: [{path, secret, readOnly}] (every key, or the items listed). */
function secretFiles(spec, c) {
  const files = [];
  for (const m of c.volumeMounts ?? []) {
    const v = (spec.volumes ?? []).find((x) => x.name === m.name);
    if (!v?.secret) continue;
    const keys = v.secret.items ? v.secret.items.map((i) => i.path) : null;
    files.push({ dir: m.mountPath.replace(/\/$/, ""), keys, secret: v.secret.secretName, readOnly: m.readOnly === true, subPath: m.subPath });
  }
  return files;
}

// Decrypting a web3j/geth keystore with standard scrypt (N = 2^18, r = 8) allocates 128·r·N = 256 MiB at once;
// the service's own heap comes on top. The JVM's heap is MaxRAMPercentage of the container's memory limit: 75
// from the images' entrypoint (deploy/images/ImageBuilder.java) unless JAVA_TOOL_OPTIONS says otherwise.
const SCRYPT_MIB = 256;
const SERVICE_HEAP_MIB = 256;
const IMAGE_RAM_PERCENTAGE = 75;
// Settings that name a key's file: the file must come from a Secret, mounted read-only.
const KEY_FILE_SETTING = /_(KEYSTORE|PASSWORD_FILE)$/;
// Settings a service must take from a Secret, since its packaged default is for development only.
const REQUIRED_FROM_SECRET = { "wallet-service": ["C2C_DEPOSIT_XPUB"] };

export function keystoreProblems(objs) {
  const problems = [];
  for (const d of objs.filter((o) => POD_KINDS.has(o.kind))) {
    const spec = podSpec(d);
    for (const c of spec?.containers ?? []) {
      const say = (what) => problems.push(`${id(d)} container ${c.name}: ${what}`);
      const files = secretFiles(spec, c);
      for (const f of files) {
        if (!f.readOnly) say(`the Secret ${f.secret} is mounted at ${f.dir} without readOnly: true`);
      }
      const settings = settingsOf(c, objs);
      const keyFiles = [...settings].filter(([k, s]) => KEY_FILE_SETTING.test(k) && s.value);
      for (const [k, s] of keyFiles) {
        const held = files.some((f) => s.value.startsWith(`${f.dir}/`) && !f.subPath &&
          (!f.keys || f.keys.includes(s.value.slice(f.dir.length + 1))));
        if (!held) say(`${k}=${s.value} is not a file of a mounted Secret`);
      }
      if (keyFiles.some(([k]) => k.endsWith("_KEYSTORE"))) {
        const opts = [settings.get("JAVA_TOOL_OPTIONS")?.value, settings.get("JDK_JAVA_OPTIONS")?.value].filter(Boolean).join(" ");
        const xmx = /-Xmx(\d+)([mMgG])/.exec(opts);
        const pct = Number(/-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/.exec(opts)?.[1] ?? IMAGE_RAM_PERCENTAGE);
        const heap = xmx ? Number(xmx[1]) * (/g/i.test(xmx[2]) ? 1024 : 1) : (mebibytes(c.resources?.limits?.memory) * pct) / 100;
        if (!(heap >= SCRYPT_MIB + SERVICE_HEAP_MIB)) {
          say(`reads a keystore with ${Math.floor(heap)} MiB of heap; decrypting a standard scrypt keystore needs ${SCRYPT_MIB} MiB on top of the service's ${SERVICE_HEAP_MIB} (raise the memory limit)`);
        }
      }
      for (const k of REQUIRED_FROM_SECRET[c.name] ?? []) {
        if (!settings.get(k)?.from?.secretKeyRef) say(`${k} is not set from a Secret (its packaged default is for development only)`);
      }
    }
  }
  return problems;
}

/** Does a label selector (matchLabels, matchExpressions In/NotIn/Exists) select these labels? */
function selects(selector, labels) {
  if (!selector) return false;
  const okLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const okExprs = (selector.matchExpressions ?? []).every((e) =>
    e.operator === "In" ? e.values.includes(labels[e.key]) : e.operator === "NotIn" ? !e.values.includes(labels[e.key])
      : e.operator === "Exists" ? e.key in labels : !(e.key in labels));
  return okLabels && okExprs;
}

/** The chain RPC URLs a workload uses: *.rpc-url in the properties ConfigMaps it mounts, and C2C_CHAIN_RPC_URL. */
function rpcUrlsOf(d, objs) {
  const spec = podSpec(d);
  const urls = [];
  for (const v of spec?.volumes ?? []) {
    const cm = v.configMap && objs.find((o) => o.kind === "ConfigMap" && o.metadata?.name === v.configMap.name);
    for (const text of Object.values(cm?.data ?? {})) {
      for (const m of String(text).matchAll(/^\s*([\w.%-]+\.rpc-url)\s*=\s*(\S+)\s*$/gm)) urls.push({ key: m[1], url: m[2] });
    }
  }
  for (const c of spec?.containers ?? []) {
    const s = settingsOf(c, objs).get("C2C_CHAIN_RPC_URL");
    if (s?.value) urls.push({ key: "C2C_CHAIN_RPC_URL", url: s.value });
  }
  return urls;
}

/**
 * Only the services that talk to a chain may leave the cluster, and they can reach their chain's node: a
 * workload with an RPC URL has an HTTPS URL whose port some NetworkPolicy selecting it opens to an ipBlock;
 * a workload without one is selected by no policy with ipBlock egress or an egress rule open to everywhere.
 */
export function chainRpcProblems(objs) {
  const problems = [];
  const policies = objs.filter((o) => o.kind === "NetworkPolicy" && o.spec?.policyTypes?.includes("Egress"));
  for (const d of objs.filter((o) => o.kind === "Deployment")) {
    const labels = d.spec?.template?.metadata?.labels ?? {};
    const outward = policies.filter((p) => selects(p.spec.podSelector, labels))
      // An egress rule without `to` allows every destination, outside the cluster included.
      .flatMap((p) => (p.spec.egress ?? []).filter((e) => !(e.to ?? []).length || e.to.some((t) => t.ipBlock)));
    const urls = rpcUrlsOf(d, objs).filter((u) => u.url && !u.url.startsWith("${"));
    if (!urls.length && outward.length) problems.push(`${id(d)}: may reach addresses outside the cluster (ipBlock egress, or egress without \`to\`) but reads no chain RPC URL`);
    for (const { key, url } of urls) {
      let u;
      try { u = new URL(url); } catch { problems.push(`${id(d)}: ${key}=${url} is not a URL`); continue; }
      if (u.protocol !== "https:") { problems.push(`${id(d)}: ${key}=${url} is not HTTPS (the chain's node is outside the cluster)`); continue; }
      const port = Number(u.port || 443);
      const open = outward.some((e) => !e.ports || e.ports.some((p) => p.port === port && (p.protocol ?? "TCP") === "TCP"));
      if (!open) problems.push(`${id(d)}: ${key}=${url} but no NetworkPolicy lets it reach port ${port} outside the cluster`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- alerts

/** The metrics each row of docs/operations.md's "Alerts" table names in its first column (signal). */
export function documentedAlerts(text = readFileSync(OPERATIONS, "utf8")) {
  const section = /^## Alerts\n([\s\S]*?)(?=^## )/m.exec(text)?.[1] ?? "";
  return section.split("\n").filter((l) => l.startsWith("| ") && !/^\|\s*(signal|---)/.test(l))
    .map((l) => l.split(/(?<!\\)\|/)[1]) // a cell may hold an escaped \|
    .map((signal) => ({ signal: signal.trim(), metrics: [...new Set(signal.match(/c2c_[a-z0-9_]+/g) ?? [])] }))
    .filter((a) => a.metrics.length);
}

/** Every alert docs/operations.md describes by a metric is carried by a PrometheusRule (one of its metrics in an expr). */
export function alertProblems(objs) {
  const exprs = objs.filter((o) => o.kind === "PrometheusRule")
    .flatMap((r) => (r.spec?.groups ?? []).flatMap((g) => (g.rules ?? []).map((x) => String(x.expr ?? "")))).join("\n");
  return documentedAlerts().filter((a) => !a.metrics.some((m) => new RegExp(`\\b${m}\\b`).test(exprs)))
    .map((a) => `PrometheusRule: no alert on ${a.metrics.join(" / ")}, which docs/operations.md's Alerts table describes`);
}

// ---------------------------------------------------------------- the wallet's chains are the watcher's

/** The application.properties a Deployment mounts from a ConfigMap, as a Map. */
function mountedProperties(objs, name) {
  const d = objs.find((o) => o.kind === "Deployment" && o.metadata?.name === name);
  const props = new Map();
  for (const v of podSpec(d ?? {})?.volumes ?? []) {
    const cm = v.configMap && objs.find((o) => o.kind === "ConfigMap" && o.metadata?.name === v.configMap.name);
    for (const line of String(cm?.data?.["application.properties"] ?? "").split("\n")) {
      const m = /^\s*([^#!\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
      if (m) props.set(m[1], m[2]);
    }
  }
  return props;
}

/**
 * Every chain wallet-service signs on, takes deposits or withdrawals on is one chain-watcher follows, with the
 * same token contract: otherwise deposits are never confirmed and sent transfers never settled.
 */
export function chainAgreementProblems(objs) {
  if (!objs.some((o) => o.kind === "Deployment" && o.metadata?.name === "wallet-service")) return [];
  const watcher = mountedProperties(objs, "chain-watcher");
  const wallet = mountedProperties(objs, "wallet-service");
  const followed = new Map(); // chain id -> token contract (lower case, "" when none)
  for (const [k, v] of watcher) {
    const m = /^c2c\.chain\.chains\.([^.]+)\.chain-id$/.exec(k);
    if (m) followed.set(v, (watcher.get(`c2c.chain.chains.${m[1]}.token-contract`) ?? "").toLowerCase());
  }
  const used = [];
  if (wallet.has("c2c.wallet.signer.chain-id")) used.push([wallet.get("c2c.wallet.signer.chain-id"), "signs on", wallet.get("c2c.wallet.signer.token-contract")]);
  for (const id of (wallet.get("c2c.wallet.deposit.supported-chain-ids") ?? "").split(",").map((x) => x.trim()).filter(Boolean)) {
    used.push([id, "takes deposits on", wallet.get(`c2c.wallet.deposit.token-contracts.${id}`)]);
  }
  for (const k of wallet.keys()) {
    const m = /^c2c\.wallet\.withdrawal\.chains\.(\d+)\./.exec(k);
    if (m && !used.some(([id, what]) => id === m[1] && what === "pays withdrawals on")) used.push([m[1], "pays withdrawals on", undefined]);
  }
  const problems = [];
  for (const [id, what, token] of used) {
    if (!followed.has(id)) problems.push(`Deployment/wallet-service: ${what} chain ${id}, which chain-watcher does not follow (chain-watcher-properties)`);
    else if (token && !["", "none"].includes(token.toLowerCase()) && followed.get(id) && followed.get(id) !== token.toLowerCase()) {
      problems.push(`Deployment/wallet-service: ${what} chain ${id} with token ${token}, chain-watcher watches ${followed.get(id)}`);
    }
  }
  return problems;
}
