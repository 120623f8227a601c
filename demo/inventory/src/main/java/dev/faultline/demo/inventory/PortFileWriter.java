package dev.faultline.demo.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the port the web server really bound (useful with {@code server.port=0}) to the file
 * named by {@code demo.port-file}, so a launcher can learn it. The file appears complete or not
 * at all: it is written beside the target and moved into place.
 */
@Component
public class PortFileWriter {

    private final String portFile;

    public PortFileWriter(@Value("${demo.port-file:}") String portFile) {
        this.portFile = portFile;
    }

    @EventListener
    public void onWebServerReady(WebServerInitializedEvent event) {
        if (portFile.isBlank()) {
            return;
        }
        Path target = Path.of(portFile).toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(event.getWebServer().getPort()), StandardCharsets.US_ASCII);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the port file [" + target + "]: check that its folder is writable", e);
        }
    }
}
