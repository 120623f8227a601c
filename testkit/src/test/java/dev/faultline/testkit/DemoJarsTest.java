package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DemoJarsTest {

    @Test
    void findsTheRepositoryRootAboveTheModuleFolder() {
        Path root = DemoJars.repositoryRoot().orElseThrow();

        assertThat(root.resolve("demo").resolve("pom.xml")).exists();
        assertThat(root.resolve("testkit")).isDirectory();
        assertThat(Path.of("").toAbsolutePath().startsWith(root)).isTrue();
        assertThat(Files.isRegularFile(root.resolve("pom.xml"))).isTrue();
    }
}
