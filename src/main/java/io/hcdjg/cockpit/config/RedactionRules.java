package io.hcdjg.cockpit.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in rules of {@link Redaction}: what a secret looks like by its name (a flag, a NAME=value, a header, a
 * JSON key) and by its shape (a URL's user-info, a webhook's path, a JWT, a Vault or Slack token). Pure and stateless;
 * every rule keeps the name and hides the value, and gives the same text when run again on its own output.
 */
final class RedactionRules {
    static final String MASK = "***";

    /** The last word of a name that makes it secret: DB_PASSWORD, --keystore-password, apiToken, basic_auth. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pass", "pwd", "passphrase", "secret",
            "token", "credential", "credentials", "creds", "auth", "apikey");
    /**
     * The word before a last word "key" that makes it secret: API_KEY, secret-key, privateKey, AWS_SECRET_ACCESS_KEY.
     */
    private static final Set<String> KEY_KINDS = Set.of("api", "secret", "private", "access", "signing", "encryption");
    /**
     * Programs whose short flag takes a password: {@code cqlsh -u cassandra -p …}; elsewhere -p is a port or a path.
     */
    private static final Map<String, String> PASSWORD_FLAG = Map.of("cqlsh", "-p", "mysql", "-p", "mysqldump", "-p",
            "mysqladmin", "-p", "mariadb", "-p", "mongo", "-p", "mongosh", "-p", "sshpass", "-p", "redis-cli", "-a");
    /** A flag that takes a password wherever it is: nodetool's. */
    private static final Set<String> SHORT_SECRET_FLAGS = Set.of("-pw");
    /** Flags whose value may be user:password (curl, podman --creds): the part after the colon is hidden. */
    private static final Set<String> USER_FLAGS = Set.of("-u", "--user", "--creds", "--proxy-user");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern UID_GID = Pattern.compile("\\d+:\\d+");

    /**
     * A rule: a pattern, what a match becomes, and words one of which any match holds (lower case): the rule runs only
     * on text that has one, so that a log line with nothing secret-like costs a few scans of {@code indexOf}.
     */
    private record Rule(Pattern pattern, Function<Matcher, String> replace, List<String> needles) {
    }

    /** What every secret name holds (lower case): pass…, pwd, secret, token, cred…, auth, and the keys of KEY_KINDS. */
    private static final List<String> NAME_NEEDLES = List.of("pass", "pwd", "secret", "token", "cred", "auth", "apikey",
            "api_key", "api-key", "private", "accesskey", "access_key", "access-key", "signing", "encryption");
    /**
     * What a line whose flags may hide something holds: a secret flag, -pw, -u / --user, a program of PASSWORD_FLAG.
     */
    private static final List<String> FLAG_NEEDLES = concat(NAME_NEEDLES, "-pw", "-u", "cqlsh", "mysql", "mariadb",
            "mongo", "redis-cli");
    private static final List<String> QUERY_NEEDLES = concat(NAME_NEEDLES, "key=", "sig=", "signature=");

    /** A URL's rest: up to a blank, a quote or a bracket, without the punctuation that ends a sentence. */
    private static final String VALUE_END = "[^\\s\"'<>|)\\]]+?(?=[.,:;]*(?:[\\s\"'<>|)\\]]|$))";
    private static final List<Rule> RULES = List.of(
            // scheme://user:password@host → user:***@host
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s/:@?#]*:)[^\\s/@?#]+@"),
                    m -> m.group(1) + MASK + "@", List.of("://")),
            // webhooks whose path is the credential
            new Rule(Pattern.compile("(?i)(hooks\\.slack\\.com/(?:services|workflows|triggers)/)" + VALUE_END),
                    m -> m.group(1) + MASK, List.of("hooks.slack.com")),
            new Rule(Pattern.compile("(?i)(discord(?:app)?\\.com/api/webhooks/)" + VALUE_END), m -> m.group(1) + MASK,
                    List.of("discord")),
            new Rule(Pattern.compile("(?i)(\\.webhook\\.office\\.com/webhookb2/)" + VALUE_END), m -> m.group(1) + MASK,
                    List.of("webhook.office")),
            // Authorization: Bearer … / Basic … (the scheme stays)
            new Rule(Pattern.compile("(?i)\\b((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)"
                    + "(?:(basic|bearer|digest|token|negotiate|apikey)\\s+)?[^\\s\"',;]+"),
                    m -> m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK, List.of("authorization")),
            new Rule(Pattern.compile("\\b(Bearer\\s+)[A-Za-z0-9._~+/-]{8,}=*"), m -> m.group(1) + MASK,
                    List.of("bearer")),
            // X-Vault-Token: …, X-API-Key: …
            new Rule(Pattern.compile("(?i)\\b(x-[a-z0-9-]+\\s*:\\s*)([^\\s\"',;]+)"),
                    m -> secretName(m.group(1).substring(0, m.group(1).indexOf(':')).strip())
                            ? m.group(1) + MASK : m.group(), NAME_NEEDLES),
            // CQL: CREATE ROLE … WITH PASSWORD '…' / HASHED PASSWORD '…' (PASSWORD = '…' is a NAME = 'value' below)
            new Rule(Pattern.compile("(?i)\\b(password\\s+)'(?:[^']|'')*'"), m -> m.group(1) + "'" + MASK + "'",
                    List.of("password")),
            // "password": "…" (a bare "token" key is not enough: see jsonKey)
            new Rule(Pattern.compile("\"([A-Za-z_][\\w.-]{0,63})\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\""),
                    m -> jsonKey(m.group(1)) && !m.group(3).isEmpty()
                            ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"" : m.group(), NAME_NEEDLES),
            // ?token=…&x=1 : a URL's query parameters, each up to the next & or #
            new Rule(Pattern.compile("([?&;])([A-Za-z_][\\w.-]*)=([^&#\\s\"'<>]+)"),
                    m -> queryName(m.group(2)) ? m.group(1) + m.group(2) + "=" + MASK : m.group(), QUERY_NEEDLES),
            // NAME=value, NAME="two words", NAME = 'quoted' (a bare value runs to the next blank: it may hold & or ;)
            new Rule(Pattern.compile("(?<![\\w.?&;/-])([A-Za-z_][\\w.-]*)(\\s*=\\s*(?=[\"'])|=)"
                    + "(\"[^\"]*\"|'(?:[^']|'')*'|[^\\s\"'<>]+)"),
                    m -> secretName(m.group(1)) ? m.group(1) + m.group(2) + quoted(m.group(3)) : m.group(),
                    NAME_NEEDLES),
            // secrets known by their shape
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), m -> MASK,
                    List.of("eyj")),
            new Rule(Pattern.compile("\\b(hv[sbr]\\.)[A-Za-z0-9_-]{20,}"), m -> m.group(1) + MASK,
                    List.of("hvs.", "hvb.", "hvr.")),
            new Rule(Pattern.compile("\\b(xox[abposr]-)[A-Za-z0-9-]{10,}"), m -> m.group(1) + MASK, List.of("xox")));

    private RedactionRules() {
    }

    /** Every built-in rule: the flags of each line, then the patterns. */
    static String text(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String r = lower.indexOf('-') >= 0 && any(lower, FLAG_NEEDLES) ? lines(s) : s;
        for (Rule rule : RULES) {
            if (any(lower, rule.needles())) {
                String next = apply(rule, r);
                if (!next.equals(r)) {
                    r = next;
                    lower = r.toLowerCase(Locale.ROOT);
                }
            }
        }
        return r;
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    private static boolean any(String lower, List<String> needles) {
        for (String n : needles) {
            if (lower.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Each line's words through {@link Flags}. */
    private static String lines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        while (start <= s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl;
            out.append(line(s.substring(start, end)));
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    /** An argv: the flags, element by element (an element is one value whatever it holds). */
    static List<String> argv(List<String> argv) {
        Flags f = new Flags();
        List<String> out = new ArrayList<>(argv.size());
        argv.forEach(a -> out.add(f.next(a)));
        return out;
    }

    /** One line's words as an argv: {@code cqlsh -u cassandra -p s3cret exited 1}, or {@code [cqlsh, -p, s3cret]}. */
    private static String line(String line) {
        if (line.indexOf('-') < 0) {
            return line;
        }
        Flags f = new Flags();
        Matcher m = TOKEN.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        int at = 0;
        while (m.find()) {
            String word = m.group();
            int from = 0;
            int to = word.length();
            while (from < to && "[(\"'".indexOf(word.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ",;])\"'".indexOf(word.charAt(to - 1)) >= 0) {
                to--;
            }
            out.append(line, at, m.start()).append(word, 0, from).append(f.next(word.substring(from, to)))
                    .append(word, to, word.length());
            at = m.end();
        }
        return out.append(line.substring(at)).toString();
    }

    /** The flags of one command line, word by word. */
    private static final class Flags {
        private final Set<String> passwordFlags = new HashSet<>();
        private boolean hideNext;
        private boolean userNext;

        String next(String a) {
            if (hideNext) {
                hideNext = false;
                return a.isEmpty() ? a : MASK;
            }
            if (userNext) {
                userNext = false;
                return user(a);
            }
            if (a.length() > 1 && a.charAt(0) == '-') {
                int eq = a.indexOf('=');
                String flag = eq < 0 ? a : a.substring(0, eq);
                if (USER_FLAGS.contains(flag)) {
                    userNext = eq < 0;
                    return eq < 0 ? a : flag + "=" + user(a.substring(eq + 1));
                }
                if (SHORT_SECRET_FLAGS.contains(flag) || passwordFlags.contains(flag)
                        || flag.startsWith("--") && secretName(flag.substring(2))) {
                    hideNext = eq < 0;
                    return eq < 0 ? a : flag + "=" + MASK;
                }
                for (String p : passwordFlags) { // mysql -ps3cret
                    if (a.startsWith(p) && !a.startsWith("--")) {
                        return p + MASK;
                    }
                }
                return a;
            }
            String program = PASSWORD_FLAG.get(a.substring(a.lastIndexOf('/') + 1));
            if (program != null) {
                passwordFlags.add(program);
            }
            return a;
        }

        private static String user(String v) {
            int colon = v.indexOf(':');
            return colon < 0 || UID_GID.matcher(v).matches() ? v : v.substring(0, colon + 1) + MASK;
        }
    }

    /**
     * Whether a name says its value is secret: its last word (split at {@code _ - .} and camel case) is one of
     * {@link #SECRET_WORDS}, or it ends in an API / secret / private / access key, or is a secret id. So
     * {@code HCD_KEYSTORE_PASSWORD}, {@code --jwt-secret}, {@code apiKey}, {@code basic_auth} are; {@code token_count},
     * {@code --password-stdin}, {@code --token-ttl}, {@code AUTH_ENABLED}, {@code key} are not. {@code PWD} and
     * {@code OLDPWD} (upper case) are the shell's working directories.
     */
    static boolean secretName(String name) {
        if (name.equals("PWD") || name.equals("OLDPWD")) {
            return false;
        }
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String before = words.size() > 1 ? words.get(words.size() - 2) : "";
        return SECRET_WORDS.contains(last) || last.equals("key") && KEY_KINDS.contains(before)
                || last.equals("id") && before.equals("secret");
    }

    /** A JSON key: a secret name, but not a bare "token" (the proof's gate code, a lexer's token). */
    private static boolean jsonKey(String name) {
        return secretName(name) && !name.equalsIgnoreCase("token");
    }

    /** A URL's query parameter: a secret name, or one of the names signatures and API keys go by. */
    private static boolean queryName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return secretName(name) || n.equals("key") || n.equals("sig") || n.equals("signature");
    }

    private static String quoted(String v) {
        char q = v.charAt(0);
        return (q == '"' || q == '\'') && v.length() > 1 ? q + MASK + q : MASK;
    }

    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String part : WORD_SPLIT.split(name)) {
            for (String w : CAMEL.split(part)) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static String apply(Rule rule, String s) {
        Matcher m = rule.pattern().matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(rule.replace().apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
