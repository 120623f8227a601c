package dev.faultline.journal;

import java.util.List;

/** The pre-flight and blast-radius verdicts that refused a run before anything was injected. */
public record Refusal(List<Verdict> verdicts) {

    public Refusal {
        verdicts = Lists.copy(verdicts);
    }

    /** One check's decision and its reason. */
    public record Verdict(String check, Boolean allowed, String reason) {

        public boolean denied() {
            return !Boolean.TRUE.equals(allowed);
        }
    }
}
