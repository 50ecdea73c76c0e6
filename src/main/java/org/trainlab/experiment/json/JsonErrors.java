package org.trainlab.experiment.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions into one-line messages for people: the JSON path, what was expected
 * there (worked out from the record types) and what the file holds (read from the tree).
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static SettingsFormatException notJson(StreamReadException e) {
        return notJson(e.getLocation(), e.getOriginalMessage(), e);
    }

    static SettingsFormatException notJson(JsonLocation location, String problem, Exception cause) {
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new SettingsFormatException("not valid JSON" + where + ": " + problem, cause);
    }

    /**
     * @param tree     the tree Jackson was converting, to show the offending value
     * @param rootType the record type of the tree's root, to tell what was expected
     */
    static SettingsFormatException translate(JacksonException e, JsonNode tree, Class<?> rootType) {
        if (!(e instanceof JsonMappingException mapping)) {
            return e instanceof StreamReadException read ? notJson(read)
                    : new SettingsFormatException(e.getOriginalMessage(), e);
        }
        List<Reference> path = mapping.getPath();
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<Reference> parent = path.subList(0, Math.max(0, path.size() - 1));
            return new SettingsFormatException("unknown field '" + unknown.getPropertyName() + "' at "
                    + describePath(parent) + " (known: " + knownFields(typeAt(rootType, parent), unknown) + ")", e);
        }
        String where = describePath(path);
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new SettingsFormatException(where + ": " + cause.getMessage(), e);
        }
        Type expected = typeAt(rootType, path);
        JsonNode actual = nodeAt(tree, path);
        if (actual.isMissingNode() && !path.isEmpty() && path.get(path.size() - 1).getFieldName() != null) {
            return new SettingsFormatException(describePath(path.subList(0, path.size() - 1)) + ": missing field '"
                    + path.get(path.size() - 1).getFieldName() + "'", e);
        }
        if (expected == null || actual.isMissingNode()) {
            return new SettingsFormatException(where + ": " + e.getOriginalMessage(), e);
        }
        Class<?> raw = raw(expected);
        if (raw.isEnum() && actual.isTextual()) {
            return new SettingsFormatException(where + ": '" + actual.asText() + "' is not one of " + enumNames(raw), e);
        }
        if ((raw == int.class || raw == Integer.class) && actual.isIntegralNumber() && !actual.canConvertToInt()) {
            return new SettingsFormatException(where + ": " + actual + " is out of range: must be "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, e);
        }
        if ((raw == long.class || raw == Long.class) && actual.isIntegralNumber() && !actual.canConvertToLong()) {
            return new SettingsFormatException(where + ": " + actual + " is out of range: must be "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE, e);
        }
        return new SettingsFormatException(where + ": expected " + describeType(expected) + ", got "
                + describeNode(actual), e);
    }

    static String describePath(List<Reference> path) {
        StringBuilder text = new StringBuilder();
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "top level" : text.toString();
    }

    static String describeNode(JsonNode node) {
        if (node.isTextual()) {
            return "string " + node;
        } else if (node.isNumber()) {
            return "number " + node;
        } else if (node.isBoolean()) {
            return "boolean " + node;
        } else if (node.isNull()) {
            return "null";
        } else if (node.isArray()) {
            return "an array";
        } else if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().toString().toLowerCase();
    }

    private static String describeType(Type type) {
        Class<?> raw = raw(type);
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        } else if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        } else if (raw == String.class) {
            return "a string";
        } else if (raw.isEnum()) {
            return "one of " + enumNames(raw);
        } else if (List.class.isAssignableFrom(raw)) {
            return "an array";
        }
        return "an object";
    }

    private static String knownFields(Type type, UnrecognizedPropertyException e) {
        if (type != null && raw(type).isRecord()) {
            return Arrays.stream(raw(type).getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
        }
        return e.getKnownPropertyIds() == null ? ""
                : e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    /** The declared type at a JSON path below a record type, or null when the path leaves the types. */
    private static Type typeAt(Type root, List<Reference> path) {
        Type type = root;
        for (Reference step : path) {
            Class<?> raw = raw(type);
            if (step.getFieldName() != null && raw.isRecord()) {
                type = Arrays.stream(raw.getRecordComponents())
                        .filter(c -> c.getName().equals(step.getFieldName()))
                        .map(RecordComponent::getGenericType)
                        .findFirst().orElse(null);
            } else if (step.getFieldName() != null && Map.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 1);
            } else if (step.getFieldName() == null && List.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 0);
            } else {
                type = null;
            }
            if (type == null) {
                return null;
            }
        }
        return type;
    }

    private static JsonNode nodeAt(JsonNode tree, List<Reference> path) {
        JsonNode node = tree;
        for (Reference step : path) {
            node = step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
        }
        return node;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : Object.class;
    }
}
