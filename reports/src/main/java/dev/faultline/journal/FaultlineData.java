package dev.faultline.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.List;

/** What Faultline adds to a Chaos Toolkit journal under the {@code faultline} key. */
public record FaultlineData(String version, String runId, String outcome, Integer exitCode, String exitMeaning,
        String experimentFile, Instant startedAt, Instant endedAt, Environment environment, String dryRun,
        RunError error, List<Phase> phases, List<ActivityTiming> activities, List<Fault> faults, Guards guards,
        Abort abort, Refusal refusal, Sli sli, Budget budget, JsonNode configuration) {

    public FaultlineData {
        environment = environment == null ? Environment.unknown() : environment;
        phases = Lists.copy(phases);
        activities = Lists.copy(activities);
        faults = Lists.copy(faults);
        configuration = configuration == null ? MissingNode.getInstance() : configuration;
    }
}
