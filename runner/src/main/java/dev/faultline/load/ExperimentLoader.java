package dev.faultline.load;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.experiment.Experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and validates an experiment file (JSON or YAML) in one pass, reporting every problem at
 * once. Nothing runs and nothing is contacted: validation is pure.
 */
public final class ExperimentLoader {

    private final DriverRegistry registry;

    public ExperimentLoader(DriverRegistry registry) {
        this.registry = registry;
    }

    public LoadResult load(Path file, LoadOptions options) {
        Problems problems = new Problems(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.error("", "file not found", "check the path; experiments are .json, .yaml or .yml files");
            return new LoadResult(null, problems.all());
        } catch (IOException e) {
            problems.error("", "cannot read the file: " + e.getMessage(), null);
            return new LoadResult(null, problems.all());
        }
        return load(file, text, options, problems);
    }

    /** Loads from text already read (tests, stdin); {@code file} is used for messages and format detection. */
    public LoadResult load(Path file, String text, LoadOptions options) {
        return load(file, text, options, new Problems(file));
    }

    private LoadResult load(Path file, String text, LoadOptions options, Problems problems) {
        SourceDocument document = LocatedTreeParser.parse(file, text, problems);
        if (document == null) {
            return new LoadResult(null, problems.all());
        }
        problems.attach(document);
        ProviderReader providers = new ProviderReader(problems, registry, options);
        ActivityReader activities = new ActivityReader(problems, providers);
        Experiment experiment = new ExperimentReader(document, problems, activities, providers).read();
        if (experiment != null) {
            new ExperimentChecks(problems, activities, options).check(experiment);
        }
        return new LoadResult(problems.hasErrors() ? null : experiment, problems.all());
    }
}
