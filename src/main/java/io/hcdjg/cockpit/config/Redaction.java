package io.hcdjg.cockpit.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction every sink uses before it writes or shows text: the audit log, the incident store and reports,
 * process errors, escalation results, the CLI's output and the window. Pure and immutable, so any thread may share one.
 * <p>
 * In order: the configured literal secrets (from the config and from the environment variables it names) become
 * {@code ***}, and a configured webhook's path {@code /***}; then the built-in rules of {@link RedactionRules} (secret
 * flags, NAME=value, headers, URL user-info, webhook paths, JWT / Vault / Slack tokens); then the configured patterns.
 * Running it again on its own output changes nothing.
 */
public final class Redaction {
    public static final String MASK = RedactionRules.MASK;
    /** Shorter literal secrets would hide ordinary words wherever they appear; patterns can cover those. */
    public static final int MIN_SECRET = 6;
    /** The built-in rules alone: for code that runs before or without a config (and for tests). */
    public static final Redaction DEFAULT = new Redaction(List.of(), List.of(), List.of());

    private final Map<String, String> literals; // secret → what it becomes, longest first
    private final List<Pattern> patterns;

    /**
     * @param secrets  exact strings; a URL among them hides its user-info password and its path, so its host still
     *                 shows
     * @param webhooks URLs whose path (and query) is the credential: only {@code scheme://host} of them shows
     * @param patterns extra expressions: group 1 is hidden when the pattern has a group, else the whole match
     */
    public Redaction(Collection<String> secrets, Collection<String> webhooks, List<Pattern> patterns) {
        Map<String, String> lit = new LinkedHashMap<>();
        for (String s : secrets) {
            if (s != null && !urlParts(s, lit)) {
                addLiteral(lit, s, MASK);
            }
        }
        webhooks.forEach(w -> urlParts(w, lit));
        List<Map.Entry<String, String>> sorted = new ArrayList<>(lit.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.literals = new LinkedHashMap<>();
        sorted.forEach(e -> literals.put(e.getKey(), e.getValue()));
        this.patterns = List.copyOf(patterns);
    }

    private Redaction(Map<String, String> literals, List<Pattern> patterns) {
        this.literals = literals;
        this.patterns = List.copyOf(patterns);
    }

    /**
     * For a wall on a big screen: this redaction, and also every IPv4 address and each of {@code names} (host names,
     * user names: whole words, any case) hidden.
     */
    public Redaction forWallboard(Collection<String> names) {
        List<Pattern> more = new ArrayList<>(patterns);
        more.add(Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])"));
        names.stream().filter(n -> n != null && !n.isBlank() && !n.equals("localhost")).distinct()
                .forEach(n -> more.add(Pattern.compile("(?i)(?<![\\w.-])" + Pattern.quote(n) + "(?![\\w-])")));
        return new Redaction(literals, more);
    }

    /**
     * The config's redaction: its secrets, the values of the environment variables it names (never shown anywhere),
     * its patterns, and the escalation ladder's webhooks.
     */
    public static Redaction of(CockpitConfig config, Map<String, String> env) {
        RedactionConfig rc = config.redaction() != null ? config.redaction() : RedactionConfig.NONE;
        List<String> secrets = new ArrayList<>(rc.secrets());
        rc.env().stream().map(env::get).filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(secrets::add);
        List<String> webhooks = config.incidents() == null ? List.of() : config.incidents().ladder().stream()
                .map(IncidentConfig.Level::webhook).filter(w -> w != null).toList();
        return new Redaction(secrets, webhooks, rc.patterns().stream().map(Pattern::compile).toList());
    }

    /** The text with every secret hidden; null stays null. */
    public String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String r = s;
        for (Map.Entry<String, String> e : literals.entrySet()) {
            if (r.contains(e.getKey())) {
                r = r.replace(e.getKey(), e.getValue());
            }
        }
        r = RedactionRules.text(r);
        for (Pattern p : patterns) {
            r = apply(p, r);
        }
        return r;
    }

    /**
     * An argv with every secret hidden: the value after a secret flag ({@code --password x}, {@code cqlsh … -p x},
     * {@code nodetool -pw x}), the password of {@code -u user:pass}, and in every element what {@link #text} hides.
     */
    public List<String> argv(List<String> argv) {
        return RedactionRules.argv(argv).stream().map(this::text).toList();
    }

    /** Each value through {@link #text}; the keys are names chosen by the code and stay. */
    public Map<String, String> values(Map<String, String> data) {
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    private static void addLiteral(Map<String, String> lit, String s, String mask) {
        if (s.length() >= MIN_SECRET && !s.equals(MASK)) {
            lit.putIfAbsent(s, mask);
        }
    }

    /** A URL's secret parts (user-info password, path and query) as literals; false when {@code s} is no URL. */
    private static boolean urlParts(String s, Map<String, String> lit) {
        if (!s.matches("(?i)[a-z][a-z0-9+.-]*://\\S+")) {
            return false;
        }
        URI u;
        try {
            u = URI.create(s.strip());
        } catch (IllegalArgumentException e) {
            addLiteral(lit, s.strip(), MASK);
            return true;
        }
        if (u.getRawUserInfo() != null && u.getRawUserInfo().contains(":")) {
            addLiteral(lit, u.getRawUserInfo().substring(u.getRawUserInfo().indexOf(':') + 1), MASK);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.length() > 1) {
            addLiteral(lit, path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()), "/" + MASK);
            addLiteral(lit, path, "/" + MASK);
        }
        if (u.getRawQuery() != null) {
            addLiteral(lit, "?" + u.getRawQuery(), "?" + MASK);
        }
        return true;
    }

    private static String apply(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            String whole = m.group();
            String hidden = m.groupCount() == 0 ? MASK : m.group(1) == null ? whole
                    : whole.substring(0, m.start(1) - m.start()) + MASK + whole.substring(m.end(1) - m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(hidden));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
