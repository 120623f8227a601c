package dev.faultline.load;

import dev.faultline.experiment.Experiment;

import java.util.List;

/**
 * The outcome of loading one file: the experiment (absent when there are errors) and every problem
 * found, errors and warnings alike.
 */
public record LoadResult(Experiment experiment, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return experiment != null && problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
