// The generated parts of the base, derived from the files that stay the one source of truth:
//   base/kafka/topics.yaml         <- deploy/local/topics.conf (partitions and retention per topic)
//   base/keycloak/realm-import.yaml <- deploy/keycloak/c2c-realm.production.json
// generate.mjs writes them; validate.mjs fails when the committed files differ from what this produces.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "..", "..");
const TOPICS_CONF = join(ROOT, "deploy/local/topics.conf");
const REALM = join(ROOT, "deploy/keycloak/c2c-realm.production.json");

/** topics.conf as [{name, partitions, retentionMs}]; every line must carry a retention here. */
export function readTopics(text = readFileSync(TOPICS_CONF, "utf8")) {
  const topics = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const f = line.split(/\s+/);
    if (f.length !== 3) throw new Error(`topics.conf: expected 'name partitions retention' (e.g. 7d): ${raw}`);
    const m = /^(\d+)([dh])$/.exec(f[2]);
    if (!m) throw new Error(`topics.conf: retention must be <n>d or <n>h: ${raw}`);
    const partitions = Number(f[1]);
    if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`topics.conf: partitions must be a positive integer: ${raw}`);
    topics.push({ name: f[0], partitions, retentionMs: Number(m[1]) * (m[2] === "d" ? 24 : 1) * 3_600_000 });
  }
  return topics;
}

const HEADER = (source) =>
  `# GENERATED from ${source} by deploy/kubernetes/generate.mjs: edit the source and run\n` +
  `# \`node deploy/kubernetes/generate.mjs\`; deploy/kubernetes/validate.sh fails when this file is stale.\n`;

export function topicsYaml() {
  const docs = readTopics().map((t) =>
    stringify({
      apiVersion: "kafka.strimzi.io/v1beta2",
      kind: "KafkaTopic",
      metadata: { name: t.name, labels: { "strimzi.io/cluster": "c2c-kafka" } },
      spec: {
        topicName: t.name,
        partitions: t.partitions,
        replicas: 3,
        config: { "retention.ms": t.retentionMs, "min.insync.replicas": 2, "cleanup.policy": "delete" },
      },
    }),
  );
  return HEADER("deploy/local/topics.conf") + docs.join("---\n");
}

/** Realm placeholders whose Secret is shared with a service: the reconciler's client secret is the one
 *  wallet-service sends (services/wallet-service.yaml, C2C_RECONCILER_CLIENT_SECRET), so one Secret feeds both. */
export const PLACEHOLDER_SECRETS = {
  C2C_RECONCILER_CLIENT_SECRET: { name: "wallet-reconciler-client", key: "client-secret" },
};

export function realmImportYaml() {
  const realm = JSON.parse(readFileSync(REALM, "utf8"));
  // ${C2C_FRONTEND_ORIGIN} and any other ${...} in the realm: filled at import from a Secret (the Keycloak
  // operator's placeholders), never written here: the one named in PLACEHOLDER_SECRETS, else c2c-realm-settings.
  const names = [...new Set(JSON.stringify(realm).match(/\$\{([A-Z0-9_]+)\}/g) ?? [])].map((p) => p.slice(2, -1)).sort();
  const placeholders = Object.fromEntries(
    names.map((n) => [n, { secret: PLACEHOLDER_SECRETS[n] ?? { name: "c2c-realm-settings", key: n } }]),
  );
  return (
    HEADER("deploy/keycloak/c2c-realm.production.json") +
    stringify({
      apiVersion: "k8s.keycloak.org/v2alpha1",
      kind: "KeycloakRealmImport",
      metadata: { name: "c2c-realm" },
      spec: { keycloakCRName: "c2c-keycloak", placeholders, realm },
    })
  );
}

export const GENERATED = [
  { path: join(HERE, "base/kafka/topics.yaml"), render: topicsYaml },
  { path: join(HERE, "base/keycloak/realm-import.yaml"), render: realmImportYaml },
];
