package io.hcdjg.cockpit.config;

import java.util.List;

/**
 * What {@link Redaction} hides beyond its built-in rules. Each list is the union of every config file's: a later file
 * adds to the shipped names and cannot take one away.
 *
 * @param secrets  exact strings (at least {@value Redaction#MIN_SECRET} characters)
 * @param patterns regular expressions; group 1 is hidden when there is one, else the whole match
 * @param env      names of environment variables whose values are secrets: read from the cockpit's environment and
 *                 never written or shown (a value shorter than {@value Redaction#MIN_SECRET} characters is not hidden)
 */
public record RedactionConfig(List<String> secrets, List<String> patterns, List<String> env) {
    public static final RedactionConfig NONE = new RedactionConfig(List.of(), List.of(), List.of());

    public RedactionConfig {
        secrets = List.copyOf(secrets);
        patterns = List.copyOf(patterns);
        env = List.copyOf(env);
    }

    /** Never the values: a config printed or logged must not carry what it asks to hide. */
    @Override
    public String toString() {
        return "RedactionConfig[" + secrets.size() + " secrets, patterns=" + patterns + ", env=" + env + "]";
    }
}
