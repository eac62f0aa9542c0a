package com.c2c.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A service's operations as its OpenAPI document describes them, each with a documented request: the
 * parameters' and body fields' examples, or the simplest value their schema allows.
 */
final class ApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    /**
     * One query, path or header parameter; {@code example} is null when the documented request leaves it
     * out, and for a header without a documented example (the sweep sends a fresh key).
     */
    record Param(String name, String in, JsonNode example) {
    }

    /** {@code body} is the documented JSON body (an object, or null for an operation without one). */
    record Operation(String method, String path, List<Param> params, ObjectNode body) {
        String label() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final JsonNode schemas;

    private ApiOperations(JsonNode doc) {
        this.schemas = doc.path("components").path("schemas");
    }

    static List<Operation> of(String openApiJson) {
        try {
            JsonNode doc = new ObjectMapper().readTree(openApiJson);
            return new ApiOperations(doc).operations(doc.path("paths"));
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        }
    }

    private List<Operation> operations(JsonNode paths) {
        List<Operation> operations = new ArrayList<>();
        paths.properties().forEach(path -> {
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            path.getValue().properties().forEach(op -> {
                if (METHODS.contains(op.getKey())) {
                    List<JsonNode> declared = new ArrayList<>(shared);
                    declared.addAll(list(op.getValue().path("parameters")));
                    operations.add(new Operation(op.getKey(), path.getKey(), params(declared, path.getKey()),
                            body(op.getValue().path("requestBody"))));
                }
            });
        });
        return operations;
    }

    private List<Param> params(List<JsonNode> declared, String path) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode p : declared) {
            JsonNode param = resolve(p);
            String name = param.path("name").asText();
            String in = param.path("in").asText();
            boolean required = param.path("required").asBoolean(false) || "path".equals(in);
            JsonNode schema = resolve(param.path("schema"));
            JsonNode example = param.has("example") ? param.get("example")
                    : schema.has("example") || schema.has("examples") || required && !"header".equals(in)
                    ? sample(schema, 0) : null;
            params.put(in + ":" + name, new Param(name, in, example));
        }
        // A path template's parameters are documented even when the resource forgot them.
        for (String segment : path.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                params.putIfAbsent("path:" + name, new Param(name, "path", JSON.textNode("x")));
            }
        }
        return List.copyOf(params.values());
    }

    private ObjectNode body(JsonNode requestBody) {
        JsonNode content = resolve(requestBody).path("content");
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                JsonNode body = sample(resolve(content.get(type).path("schema")), 0);
                return body instanceof ObjectNode object ? object : JSON.objectNode();
            }
        }
        return null;
    }

    /** The example of the schema, else the simplest value it allows. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        String type = type(s);
        if (s.has("example")) {
            return typed(s.get("example"), type);
        }
        if (!s.path("examples").isEmpty()) { // OpenAPI 3.1: a list of examples
            return typed(s.get("examples").get(0), type);
        }
        if (s.has("default")) {
            return s.get("default");
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        if (depth > MAX_DEPTH) {
            return JSON.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                s.path("properties").properties().forEach(f -> object.set(f.getKey(), sample(f.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> JSON.arrayNode().add(sample(s.path("items"), depth + 1));
            case "integer" -> JSON.numberNode(s.path("minimum").asLong(1));
            case "number" -> JSON.numberNode(1);
            case "boolean" -> JSON.booleanNode(false);
            default -> "uuid".equals(s.path("format").asText()) ? JSON.textNode(UUID.randomUUID().toString())
                    : JSON.textNode("x");
        };
    }

    /** An example written as text where the schema wants an array or object is the JSON it spells. */
    private static JsonNode typed(JsonNode example, String type) {
        if (example.isTextual() && ("array".equals(type) || "object".equals(type))) {
            try {
                return new ObjectMapper().readTree(example.asText());
            } catch (Exception e) {
                return example;
            }
        }
        return example;
    }

    /** The schema's type; OpenAPI 3.1 may list several ({@code ["string", "null"]}). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** The node itself, or what its {@code $ref} (or single-element allOf / anyOf / oneOf) points at. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < MAX_DEPTH; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                current = merge(current, target);
            } else if (composed(current) != null) {
                current = merge(current, composed(current));
            } else {
                return current;
            }
        }
        return current;
    }

    /** The first non-null member of an allOf, anyOf or oneOf, or null. */
    private static JsonNode composed(JsonNode node) {
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode member : node.path(key)) {
                if (!"null".equals(member.path("type").asText())) {
                    return member;
                }
            }
        }
        return null;
    }

    /** The target with the referring node's own keys (example, description) on top. */
    private static JsonNode merge(JsonNode referring, JsonNode target) {
        ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.objectNode();
        referring.properties().forEach(f -> {
            if (!Set.of("$ref", "allOf", "anyOf", "oneOf").contains(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array instanceof ArrayNode nodes) {
            nodes.forEach(list::add);
        }
        return list;
    }
}
