package io.hcdjg.cockpit.logs;

/**
 * Reading one log line's raw bytes: ASCII character tests and a small parser for words and CQL names, so that the rules
 * that confirm a keyword hit work without decoding the line. The parsing steps take a position and return the position
 * after what they read, or -1 when it is not there; each passes -1 on, so a grammar reads as a chain of steps.
 * Bytes of 0x80 and above count as word characters: they are the bytes of non-ASCII letters (a keyword glued to
 * "é" is part of a longer word), and punctuation outside ASCII is rare next to a keyword.
 */
final class LineBytes {
    /** CQL's reserved words: never a name unless quoted. */
    private static final String[] RESERVED = {"add", "allow", "alter", "and", "apply", "asc", "authorize", "batch",
            "begin", "by", "columnfamily", "create", "delete", "desc", "describe", "drop", "entries", "execute", "from",
            "full", "grant", "if", "in", "index", "infinity", "insert", "into", "keyspace", "limit", "materialized",
            "mbean", "mbeans", "modify", "nan", "norecursive", "not", "null", "of", "on", "or", "order", "primary",
            "rename", "replace", "revoke", "schema", "select", "set", "table", "to", "token", "truncate", "unlogged",
            "unset", "update", "use", "using", "view", "where", "with"};

    private LineBytes() {
    }

    static boolean isWord(byte c) {
        return c < 0 || c == '_' || isAlnum(c);
    }

    static boolean isAlnum(byte c) {
        return isLetter(c) || isDigit(c);
    }

    static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** Whether [from, to) has no lower-case ASCII letter (ERROR, DROP: a level or a statement keyword). */
    static boolean upper(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] >= 'a' && b[i] <= 'z') {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes at {@code at} are {@code text} (lower case, ASCII), ignoring case. */
    static boolean at(byte[] b, int at, int to, String text) {
        if (at < 0 || at + text.length() > to) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            byte c = b[at + i];
            if ((isUpper(c) ? c + 32 : c) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether [from, to) is one of the words (lower case), ignoring case. */
    static boolean oneOf(byte[] b, int from, int to, String... words) {
        for (String w : words) {
            if (w.length() == to - from && at(b, from, to, w)) {
                return true;
            }
        }
        return false;
    }

    /** Past any spaces. */
    static int spaces(byte[] b, int at, int to) {
        if (at < 0) {
            return -1;
        }
        while (at < to && isSpace(b[at])) {
            at++;
        }
        return at;
    }

    /** Past one or more spaces. */
    static int spaces1(byte[] b, int at, int to) {
        int p = spaces(b, at, to);
        return p > at ? p : -1;
    }

    /** Past {@code word} (lower case) when it stands there as a whole word, ignoring case. */
    static int word(byte[] b, int at, int to, String word) {
        if (!at(b, at, to, word)) {
            return -1;
        }
        int end = at + word.length();
        return end < to && isWord(b[end]) ? -1 : end;
    }

    /** Past the first of the words that stands there (a word may be two, "materialized view"). */
    static int anyWord(byte[] b, int at, int to, String... words) {
        for (String w : words) {
            int sp = w.indexOf(' ');
            int p = sp < 0 ? word(b, at, to, w) : word(b, spaces1(b, word(b, at, to, w.substring(0, sp)), to), to,
                    w.substring(sp + 1));
            if (p >= 0) {
                return p;
            }
        }
        return -1;
    }

    /** Past "IF EXISTS" and the spaces after it, or {@code at} when it is not there. */
    static int ifExists(byte[] b, int at, int to) {
        int p = spaces1(b, word(b, spaces1(b, word(b, at, to, "if"), to), to, "exists"), to);
        return p >= 0 ? p : at;
    }

    /** Past an identifier: word characters, a "double-quoted" CQL name or a 'single-quoted' one (server records). */
    static int ident(byte[] b, int at, int to) {
        if (at < 0 || at >= to) {
            return -1;
        }
        if (b[at] == '"' || b[at] == '\'') {
            for (int i = at + 1; i < to; i++) {
                if (b[i] == b[at]) {
                    return i > at + 1 ? i + 1 : -1;
                }
            }
            return -1;
        }
        int p = at;
        while (p < to && isWord(b[p])) {
            p++;
        }
        return p > at ? p : -1;
    }

    /** Past a CQL name: an identifier, optionally qualified by its keyspace (ks.table), that is no reserved word. */
    static int name(byte[] b, int at, int to) {
        int p = ident(b, at, to);
        if (p >= 0 && oneOf(b, at, p, RESERVED)) {
            return -1; // "DROP TABLE IF", "Truncate of ks.t is complete": no statement
        }
        if (p >= 0 && p < to && b[p] == '.') {
            return ident(b, p + 1, to);
        }
        return p;
    }
}
