package dev.faultline.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Safety a run inherits from outside its experiment, i.e. from a game day: its {@code safety}
 * block (merged under the experiment's own, key by key), where that block's relative paths start,
 * and since when the error budget is counted.
 *
 * @param block the game day's {@code safety} block, or {@code null}
 * @param baseDir the game day's folder, for {@code slos[].file}
 * @param budgetSince the game day's start: budget burnt by an earlier experiment counts against a later one
 */
public record SafetyContext(JsonNode block, Path baseDir, Instant budgetSince) {
}
