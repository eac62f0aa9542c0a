// The required structure and the allowed fields of the operators' custom resources this platform uses.
// Written by hand from the operators' documented APIs (Strimzi kafka.strimzi.io/v1beta2, CloudNativePG
// postgresql.cnpg.io/v1, the Keycloak operator k8s.keycloak.org/v2alpha1), because none of the three
// publishes its CRD schemas to the npm registry or Maven Central (checked: Strimzi's io.strimzi:api jar has
// the Java model, no CRD files; no Keycloak operator artifact; CloudNativePG is Go). Only the parts this
// platform sets are spelled out field by field; a subtree the platform does not use is "any".
//
// A shape is: "string" | "int" | "bool" | "quantity" (string or number) | "any" | { $enum: [...] } |
// [shape] (an array of it) | { $map: shape } (any keys, values of shape) | an object whose keys are the
// allowed fields, a trailing "!" marking a required one (unknown fields are refused).

const secretKeyRef = { "name!": "string", "key!": "string" };
const localRef = { "name!": "string" };
const resources = { requests: { $map: "quantity" }, limits: { $map: "quantity" }, claims: "any" };
const metadata = { "name!": "string", namespace: "string", labels: { $map: "string" }, annotations: { $map: "string" } };
const strimziLabelled = { ...metadata, "labels!": { "strimzi.io/cluster!": "string", $other: "string" } };

const listener = {
  "name!": "string", "port!": "int", "type!": { $enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
  "tls!": "bool", authentication: { "type!": { $enum: ["tls", "scram-sha-512", "oauth", "custom"] }, $other: "any" },
  configuration: "any", networkPolicyPeers: "any",
};
const persistentVolume = {
  id: "int", "type!": { $enum: ["persistent-claim", "ephemeral"] }, size: "string", class: "string",
  deleteClaim: "bool", kraftMetadata: { $enum: ["shared"] }, selector: "any", overrides: "any", sizeLimit: "string",
};

export const CRD_SHAPES = {
  "kafka.strimzi.io/v1beta2/Kafka": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": {
      "kafka!": {
        version: "string", metadataVersion: "string", "listeners!": [listener], config: { $map: "any" },
        authorization: { "type!": { $enum: ["simple", "opa", "keycloak", "custom"] }, superUsers: ["string"], $other: "any" },
        resources, metricsConfig: { "type!": { $enum: ["jmxPrometheusExporter", "strimziMetricsReporter"] }, valueFrom: "any", values: "any" },
        jvmOptions: "any", template: "any", rack: "any", logging: "any", image: "string", livenessProbe: "any",
        readinessProbe: "any", jmxOptions: "any", tieredStorage: "any", quotas: "any", brokerRackInitImage: "string",
      },
      entityOperator: { topicOperator: "any", userOperator: "any", template: "any", tlsSidecar: "any" },
      kafkaExporter: { groupRegex: "string", topicRegex: "string", groupExcludeRegex: "string", topicExcludeRegex: "string", resources, template: "any", logging: "string", enableSaramaLogging: "bool", showAllOffsets: "bool", image: "string", livenessProbe: "any", readinessProbe: "any" },
      cruiseControl: "any", clusterCa: "any", clientsCa: "any", maintenanceTimeWindows: ["string"],
    },
  },
  "kafka.strimzi.io/v1beta2/KafkaNodePool": {
    "apiVersion!": "string", "kind!": "string", "metadata!": strimziLabelled,
    "spec!": {
      "replicas!": "int", "roles!": [{ $enum: ["controller", "broker"] }],
      "storage!": { "type!": { $enum: ["jbod", "persistent-claim", "ephemeral"] }, volumes: [persistentVolume], size: "string", class: "string", deleteClaim: "bool", kraftMetadata: { $enum: ["shared"] } },
      resources, jvmOptions: "any", template: "any",
    },
  },
  "kafka.strimzi.io/v1beta2/KafkaTopic": {
    "apiVersion!": "string", "kind!": "string", "metadata!": strimziLabelled,
    "spec!": { topicName: "string", "partitions!": "int", "replicas!": "int", config: { $map: "any" } },
  },
  "kafka.strimzi.io/v1beta2/KafkaUser": {
    "apiVersion!": "string", "kind!": "string", "metadata!": strimziLabelled,
    "spec!": {
      "authentication!": { "type!": { $enum: ["tls", "tls-external", "scram-sha-512"] }, password: "any" },
      authorization: {
        "type!": { $enum: ["simple"] },
        "acls!": [{
          "resource!": { "type!": { $enum: ["topic", "group", "cluster", "transactionalId"] }, name: "string", patternType: { $enum: ["literal", "prefix"] } },
          "operations!": [{ $enum: ["Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"] }],
          host: "string", type: { $enum: ["allow", "deny"] },
        }],
      },
      quotas: "any", template: "any",
    },
  },
  "postgresql.cnpg.io/v1/Cluster": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": {
      "instances!": "int", imageName: "string", primaryUpdateStrategy: { $enum: ["unsupervised", "supervised"] },
      postgresql: { parameters: { $map: "string" }, pg_hba: ["string"], pg_ident: ["string"], synchronous: { "method!": { $enum: ["any", "first"] }, "number!": "int", dataDurability: "string" }, shared_preload_libraries: ["string"] },
      enableSuperuserAccess: "bool", superuserSecret: localRef,
      managed: { roles: [{ "name!": "string", ensure: { $enum: ["present", "absent"] }, login: "bool", superuser: "bool", createdb: "bool", createrole: "bool", inherit: "bool", replication: "bool", bypassrls: "bool", connectionLimit: "int", inRoles: ["string"], passwordSecret: localRef, disablePassword: "bool", validUntil: "string", comment: "string" }], services: "any" },
      "storage!": { "size!": "string", storageClass: "string", resizeInUseVolumes: "bool", pvcTemplate: "any" },
      walStorage: { "size!": "string", storageClass: "string", resizeInUseVolumes: "bool", pvcTemplate: "any" },
      resources, affinity: { podAntiAffinityType: { $enum: ["preferred", "required"] }, enablePodAntiAffinity: "bool", topologyKey: "string", nodeSelector: "any", tolerations: "any" },
      backup: {
        retentionPolicy: "string", target: { $enum: ["primary", "prefer-standby"] },
        barmanObjectStore: {
          "destinationPath!": "string", endpointURL: "string", serverName: "string",
          s3Credentials: { accessKeyId: secretKeyRef, secretAccessKey: secretKeyRef, sessionToken: secretKeyRef, region: secretKeyRef, inheritFromIAMRole: "bool" },
          azureCredentials: "any", googleCredentials: "any", endpointCA: secretKeyRef,
          wal: { compression: { $enum: ["gzip", "bzip2", "snappy"] }, encryption: "string", maxParallel: "int" },
          data: { compression: { $enum: ["gzip", "bzip2", "snappy"] }, encryption: "string", jobs: "int", immediateCheckpoint: "bool" },
          tags: "any", historyTags: "any",
        },
        volumeSnapshot: "any",
      },
      monitoring: { enablePodMonitor: "bool", customQueriesConfigMap: "any", customQueriesSecret: "any", podMonitorMetricRelabelings: "any", podMonitorRelabelings: "any" },
      bootstrap: "any", certificates: "any", plugins: "any", externalClusters: "any", replica: "any", minSyncReplicas: "int", maxSyncReplicas: "int",
      startDelay: "int", stopDelay: "int", switchoverDelay: "int", failoverDelay: "int", logLevel: "string", description: "string", inheritedMetadata: "any",
    },
  },
  "postgresql.cnpg.io/v1/Database": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": { "name!": "string", "owner!": "string", "cluster!": localRef, ensure: { $enum: ["present", "absent"] }, databaseReclaimPolicy: { $enum: ["retain", "delete"] }, encoding: "string", locale: "string", template: "string", allowConnections: "bool", connectionLimit: "int", isTemplate: "bool", tablespace: "string", extensions: "any", schemas: "any" },
  },
  "postgresql.cnpg.io/v1/ScheduledBackup": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": { "schedule!": { $pattern: "^\\S+( \\S+){5}$" }, "cluster!": localRef, backupOwnerReference: { $enum: ["none", "self", "cluster"] }, method: { $enum: ["barmanObjectStore", "volumeSnapshot", "plugin"] }, immediate: "bool", suspend: "bool", target: "string", online: "bool", pluginConfiguration: "any" },
  },
  "k8s.keycloak.org/v2alpha1/Keycloak": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": {
      instances: "int", image: "string",
      db: { "vendor!": { $enum: ["postgres", "mariadb", "mysql", "mssql", "oracle", "dev-file", "dev-mem"] }, host: "string", port: "int", database: "string", schema: "string", url: "string", usernameSecret: secretKeyRef, passwordSecret: secretKeyRef, poolInitialSize: "int", poolMinSize: "int", poolMaxSize: "int" },
      bootstrapAdmin: { user: { "secret!": "string" }, service: { "secret!": "string" } },
      http: { httpEnabled: "bool", httpPort: "int", httpsPort: "int", tlsSecret: "string", annotations: "any", labels: "any" },
      "hostname!": { hostname: "string", admin: "string", strict: "bool", backchannelDynamic: "bool" },
      proxy: { headers: { $enum: ["forwarded", "xforwarded"] } },
      ingress: { enabled: "bool", className: "string", annotations: { $map: "string" }, tlsSecret: "string" },
      additionalOptions: [{ "name!": "string", value: "string", secret: secretKeyRef }],
      resources, features: "any", transaction: "any", unsupported: "any", cache: "any", truststores: "any", startOptimized: "bool", scheduling: "any", networkPolicy: "any", tracing: "any", imagePullSecrets: "any",
    },
  },
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": {
    "apiVersion!": "string", "kind!": "string", "metadata!": metadata,
    "spec!": {
      "keycloakCRName!": "string",
      "realm!": { "realm!": "string", $other: "any" },
      placeholders: { $map: { "secret!": secretKeyRef } },
      resources, overrides: "any",
    },
  },
};

function typeOf(v) {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
}

/** Problems of value against shape, each naming the path. */
export function checkShape(value, shape, path = "") {
  const at = path || "(root)";
  if (shape === "any") return [];
  if (shape === "string") return typeof value === "string" ? [] : [`${at} must be a string, is ${typeOf(value)}`];
  if (shape === "bool") return typeof value === "boolean" ? [] : [`${at} must be a boolean, is ${typeOf(value)}`];
  if (shape === "int") return Number.isInteger(value) ? [] : [`${at} must be an integer, is ${typeOf(value)}`];
  if (shape === "quantity") return ["string", "number"].includes(typeof value) ? [] : [`${at} must be a quantity`];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${at} must be a list, is ${typeOf(value)}`];
    return value.flatMap((v, i) => checkShape(v, shape[0], `${path}[${i}]`));
  }
  if (shape.$enum) return shape.$enum.includes(value) ? [] : [`${at} must be one of ${shape.$enum.join(", ")}, is ${JSON.stringify(value)}`];
  if (shape.$pattern) return typeof value === "string" && new RegExp(shape.$pattern).test(value) ? [] : [`${at} must match ${shape.$pattern}`];
  if (typeOf(value) !== "object") return [`${at} must be an object, is ${typeOf(value)}`];
  if (shape.$map) return Object.entries(value).flatMap(([k, v]) => checkShape(v, shape.$map, `${path}.${k}`));
  const problems = [];
  const fields = new Map(Object.entries(shape).filter(([k]) => k !== "$other").map(([k, s]) => [k.replace(/!$/, ""), { s, required: k.endsWith("!") }]));
  for (const [k, f] of fields) if (f.required && value[k] === undefined) problems.push(`${path ? path + "." : ""}${k} is required`);
  for (const [k, v] of Object.entries(value)) {
    const f = fields.get(k);
    const sub = `${path ? path + "." : ""}${k}`;
    if (f) problems.push(...checkShape(v, f.s, sub));
    else if (shape.$other) problems.push(...checkShape(v, shape.$other, sub));
    else problems.push(`unknown field ${sub}`);
  }
  return problems;
}
