package io.hcdjg.cockpit.logs;

import static io.hcdjg.cockpit.logs.LineBytes.anyWord;
import static io.hcdjg.cockpit.logs.LineBytes.ident;
import static io.hcdjg.cockpit.logs.LineBytes.ifExists;
import static io.hcdjg.cockpit.logs.LineBytes.isSpace;
import static io.hcdjg.cockpit.logs.LineBytes.isWord;
import static io.hcdjg.cockpit.logs.LineBytes.name;
import static io.hcdjg.cockpit.logs.LineBytes.spaces;
import static io.hcdjg.cockpit.logs.LineBytes.spaces1;
import static io.hcdjg.cockpit.logs.LineBytes.word;

/**
 * The rules for keywords that start a statement or a field: CQL's DROP, TRUNCATE, DELETE and ALTER … DROP by their
 * grammar, Gremlin's drop step, Cassandra's record of a truncate, and the status field of an HTTP access line. The
 * rules are listed in {@link LogClassifier}'s comment.
 */
final class StatementRules {
    private static final String[] DROP_OBJECTS = {"table", "columnfamily", "keyspace", "schema", "index",
            "materialized view", "type", "function", "aggregate", "trigger", "role", "user"};
    private static final String[] TABLE = {"table", "columnfamily"};
    /** What may come just before a statement in a log line: a prompt, a field separator, a quote, a bracket. */
    private static final String STATEMENT_OPENERS = ";:>\"'`([{=|,-*/";
    private static final String[] HTTP_METHODS = {"get", "post", "put", "delete", "patch", "head", "options"};

    private StatementRules() {
    }

    /** DROP: a CQL DROP statement, or a Gremlin drop step. */
    static boolean drop(byte[] b, int from, int to, int start, int end) {
        if (gremlinDrop(b, from, to, start, end)) {
            return true;
        }
        int p = statement(b, from, to, start, end) ? spaces1(b, end, to) : -1;
        p = spaces1(b, anyWord(b, p, to, DROP_OBJECTS), to);
        return name(b, ifExists(b, p, to), to) >= 0;
    }

    /**
     * TRUNCATE [TABLE | COLUMNFAMILY] [ks.]table: the keyword TABLE is optional in CQL. Without it, a truncate not in
     * capitals names its keyspace or ends there ("truncate staging;"): "Truncate of ks.t is complete" is a sentence.
     */
    static boolean truncate(byte[] b, int from, int to, int start, int end) {
        int p = statement(b, from, to, start, end) ? spaces1(b, end, to) : -1;
        int t = anyWord(b, p, to, TABLE);
        if (t >= 0) {
            return name(b, spaces1(b, t, to), to) >= 0;
        }
        int n = name(b, p, to);
        boolean qualified = n > ident(b, p, to);
        return n >= 0 && (LineBytes.upper(b, start, end) || qualified || ends(b, n, to));
    }

    /** A statement ends here: the line's end, a ';', or the quote or bracket around it. */
    private static boolean ends(byte[] b, int at, int to) {
        int p = spaces(b, at, to);
        return p == to || ";\"')]}|".indexOf(b[p]) >= 0;
    }

    /**
     * DELETE [selection, …] FROM [ks.]table: a row or some of its columns. Not in capitals, it goes on as CQL requires,
     * with WHERE or USING: "delete from cache failed" is a sentence.
     */
    static boolean delete(byte[] b, int from, int to, int start, int end) {
        int p = statement(b, from, to, start, end) ? spaces1(b, end, to) : -1;
        if (word(b, p, to, "from") < 0) {
            p = selection(b, p, to);
        }
        int n = name(b, spaces1(b, word(b, p, to, "from"), to), to);
        if (n < 0 || LineBytes.upper(b, start, end)) {
            return n >= 0;
        }
        int w = spaces1(b, n, to);
        return word(b, w, to, "where") >= 0 || word(b, w, to, "using") >= 0;
    }

    /** Past the columns a DELETE names and the spaces after them: a, m['k'], addr.city. */
    private static int selection(byte[] b, int at, int to) {
        int p = at;
        for (int columns = 0; columns < 64; columns++) {
            p = spaces(b, selector(b, p, to), to);
            if (p < 0 || p >= to || b[p] != ',') {
                return p;
            }
            p = spaces(b, p + 1, to);
        }
        return -1;
    }

    /** A column in a DELETE: a name, an element of a collection (m['k'], l[2]) or a field of a UDT (addr.city). */
    private static int selector(byte[] b, int at, int to) {
        int p = ident(b, at, to);
        if (p >= 0 && p < to && b[p] == '[') {
            while (p < to && b[p] != ']') {
                p++;
            }
            return p < to ? p + 1 : -1;
        }
        return p >= 0 && p < to && b[p] == '.' ? ident(b, p + 1, to) : p;
    }

    /** ALTER TABLE [IF EXISTS] [ks.]t DROP [IF EXISTS] column(s) | COMPACT STORAGE. */
    static boolean alter(byte[] b, int from, int to, int start, int end) {
        int p = statement(b, from, to, start, end) ? spaces1(b, end, to) : -1;
        p = ifExists(b, spaces1(b, anyWord(b, p, to, TABLE), to), to);
        p = spaces1(b, word(b, spaces1(b, name(b, p, to), to), to, "drop"), to);
        p = ifExists(b, p, to);
        return p >= 0 && p < to && (b[p] == '(' || ident(b, p, to) >= 0);
    }

    /**
     * Cassandra's own record of a truncate: "Truncating ks.table" (ColumnFamilyStore.truncateBlocking), the only line
     * a TRUNCATE leaves in its log. The system keyspaces' truncates are the server's housekeeping.
     */
    static boolean truncating(byte[] b, int from, int to, int start, int end) {
        if (!WordRules.before(b, from, start)) {
            return false;
        }
        int ks = spaces1(b, end, to);
        int dot = ident(b, ks, to);
        if (dot < 0 || dot >= to || b[dot] != '.' || b[ks] == '"' || b[ks] == '\'') {
            return false;
        }
        int p = spaces(b, ident(b, dot + 1, to), to);
        boolean system = LineBytes.at(b, ks, to, "system") && (dot == ks + 6 || b[ks + 6] == '_');
        return p == to && !system;
    }

    /**
     * Cassandra's own record of a DROP TABLE or DROP KEYSPACE (Cassandra 5 logs no DROP at INFO otherwise): the table's
     * memtable flushed for it, "Enqueuing flush of ks.table, Reason: DROP, …" (ColumnFamilyStore), one per table.
     */
    static boolean droppedFlush(byte[] b, int from, int to, int start, int end) {
        int ks = spaces1(b, end, to);
        int dot = ident(b, ks, to);
        if (dot < 0 || dot >= to || b[dot] != '.') {
            return false;
        }
        int p = ident(b, dot + 1, to);
        boolean system = LineBytes.at(b, ks, to, "system") && (dot == ks + 6 || b[ks + 6] == '_');
        return p >= 0 && !system && LineBytes.at(b, p, to, ", reason: drop");
    }

    /**
     * A Gremlin drop step: .drop() on a traversal (g.V().has('x').drop(), __.drop()), drop() as an anonymous step or in
     * bytecode ([V(), drop()]), and the factories' drop of a whole graph (JanusGraphFactory.drop(graph)).
     */
    private static boolean gremlinDrop(byte[] b, int from, int to, int start, int end) {
        if (end >= to || b[end] != '(') {
            return false;
        }
        int close = spaces(b, end + 1, to);
        boolean empty = close < to && b[close] == ')';
        if (start > from && b[start - 1] == '.') {
            return empty || start - 13 >= from && LineBytes.at(b, start - 13, to, "graphfactory");
        }
        int q = start;
        while (q > from && isSpace(b[q - 1])) {
            q--;
        }
        return empty && q > from && (b[q - 1] == '(' || b[q - 1] == ',' || b[q - 1] == '[');
    }

    /**
     * A keyword that starts a statement: a whole word, written in capitals (as statements are logged) or standing where
     * a statement starts — the line's start, or after a prompt, separator, quote or bracket. "then truncate peers_v2"
     * in a sentence is prose.
     */
    private static boolean statement(byte[] b, int from, int to, int start, int end) {
        if (!WordRules.before(b, from, start) || !WordRules.after(b, end, to)) {
            return false;
        }
        if (LineBytes.upper(b, start, end)) {
            return true;
        }
        int p = start;
        while (p > from && isSpace(b[p - 1])) {
            p--;
        }
        return p == from || STATEMENT_OPENERS.indexOf(b[p - 1]) >= 0;
    }

    /**
     * " 401" as the status of an HTTP access line: after the quoted request ("POST /api/v1/auth/login HTTP/1.1" 401,
     * uvicorn and the common log format), or after the method and path of the API's request log (POST /x 401 12ms).
     */
    static boolean accessStatus(byte[] b, int from, int to, int start, int end) {
        if (end < to && isWord(b[end])) {
            return false;
        }
        if (start > from && b[start - 1] == '"') {
            int p = start - 1;
            while (p > from && (LineBytes.isDigit(b[p - 1]) || b[p - 1] == '.')) {
                p--;
            }
            return p - 5 >= from && LineBytes.at(b, p - 5, to, "http/");
        }
        int path = start;
        while (path > from && !isSpace(b[path - 1])) {
            path--;
        }
        if (path == start || b[path] != '/') {
            return false;
        }
        int m = path - 1;
        while (m > from && isSpace(b[m - 1])) {
            m--;
        }
        int w = m;
        while (w > from && LineBytes.isUpper(b[w - 1])) {
            w--;
        }
        return m < path && LineBytes.oneOf(b, w, m, HTTP_METHODS) && (w == from || !isWord(b[w - 1]));
    }
}
