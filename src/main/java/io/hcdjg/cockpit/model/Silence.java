package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;

/** An Alertmanager silence: who acknowledged what, why, and until when. @param matchers "name=value" texts */
public record Silence(String id, String state, String createdBy, String comment, Instant startsAt, Instant endsAt,
                      List<String> matchers) {

    public Silence {
        matchers = List.copyOf(matchers);
    }
}
