package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.testkit.Workspace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (files under {@code k8s/} or {@code kubectl kustomize} output) into
 * fabric8's model classes, and finds fields those classes do not know: fabric8 keeps unknown fields
 * in {@code additionalProperties} instead of failing, so a typo would otherwise parse silently.
 */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Manifests() {
    }

    static Path root() {
        return Workspace.repositoryRoot();
    }

    /** Every manifest file under {@code k8s/}: YAML files other than kustomizations. */
    static List<Path> files() {
        try (Stream<Path> walk = Files.walk(root().resolve("k8s"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML stream, as fabric8 objects. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (JsonNode doc : documents(yaml)) {
            Object parsed = Serialization.unmarshal(json(doc));
            if (!(parsed instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes object: [" + doc + "]");
            }
            out.add(resource);
        }
        return out;
    }

    static List<JsonNode> documents(String yaml) {
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(new YAMLFactory().createParser(yaml))) {
            return values.readAll().stream().filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type, String name) {
        List<T> found = ofType(resources, type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " named [" + name + "], found " + found.size());
        }
        return found.get(0);
    }

    static List<GenericKubernetesResource> generic(List<HasMetadata> resources, String kind) {
        return ofType(resources, GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    /** Paths (like {@code spec.jobTemplate.spec.foo}) of every field fabric8's typed model did not recognise. */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> out = new ArrayList<>();
        walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), out);
        return out;
    }

    private static void walk(Object node, String path, List<String> out) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        if (node == null || node instanceof GenericKubernetesResource || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            boolean extra = getter.getName().equals("getAdditionalProperties");
            Class<?> type = getter.getReturnType();
            if (!extra && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                    && !type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (extra) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    out.add(path + ": " + unknown.keySet());
                }
            } else {
                String name = getter.getName().substring(3);
                walk(value, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), out);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read [" + getter + "]", e);
        }
    }
}
