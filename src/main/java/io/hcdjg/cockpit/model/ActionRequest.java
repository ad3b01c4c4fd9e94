package io.hcdjg.cockpit.model;

import java.util.List;
import java.util.Locale;

/**
 * An action on the compose project, as the window and the CLI ask for it.
 *
 * @param service  null for the whole project ({@code --all})
 * @param replicas for SCALE
 * @param command  for EXEC: the argv to run in the service's container (never a shell string)
 * @param confirm  the project name typed in, for destructive actions
 */
public record ActionRequest(Kind kind, String service, int replicas, List<String> command, String confirm) {

    public enum Kind {
        RESTART, STOP, START, UP, DOWN, SCALE, EXEC;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ActionRequest {
        command = List.copyOf(command);
    }

    public static ActionRequest of(Kind kind, String service) {
        return new ActionRequest(kind, service, 0, List.of(), null);
    }

    public ActionRequest confirmedWith(String typed) {
        return new ActionRequest(kind, service, replicas, command, typed);
    }

    /** Down, stop of the whole project and scale to 0 need the project name typed in. */
    public boolean destructive() {
        return kind == Kind.DOWN || kind == Kind.STOP && service == null || kind == Kind.SCALE && replicas == 0;
    }

    public String describe() {
        String target = service == null ? "--all" : service;
        return switch (kind) {
            case SCALE -> "scale " + target + " " + replicas;
            case EXEC -> "exec " + target + " -- " + String.join(" ", command);
            default -> kind.word() + " " + target;
        };
    }
}
