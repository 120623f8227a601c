package dev.faultline.safety.slo;

import dev.faultline.safety.config.SafetyConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves {@link SloRef}s to SLOs, reading each file once. */
public final class SloCatalog {

    private final Path baseDir;
    private final Map<Path, List<Slo>> files = new HashMap<>();

    /** @param baseDir the folder relative SLO paths are resolved against (usually the experiment's) */
    public SloCatalog(Path baseDir) {
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
    }

    public List<Slo> resolve(List<SloRef> refs) {
        List<Slo> out = new ArrayList<>();
        for (SloRef ref : refs) {
            out.add(resolve(ref));
        }
        return List.copyOf(out);
    }

    public Slo resolve(SloRef ref) {
        Path file = baseDir.resolve(ref.file()).normalize();
        List<Slo> slos = files.computeIfAbsent(file, SloLoader::load);
        List<String> names = slos.stream().map(Slo::name).toList();
        if (ref.name() == null) {
            if (slos.size() == 1) {
                return slos.get(0);
            }
            throw new SafetyConfigException(file.toString(), "", "defines " + slos.size() + " SLOs and the reference names none",
                    "add name: <one of " + names + "> to the reference");
        }
        return slos.stream().filter(s -> s.name().equals(ref.name())).findFirst()
                .orElseThrow(() -> new SafetyConfigException(file.toString(), "", "no SLO named [" + ref.name() + "]",
                        "use one of " + names));
    }
}
