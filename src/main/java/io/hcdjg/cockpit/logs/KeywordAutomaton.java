package io.hcdjg.cockpit.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Aho-Corasick automaton over every keyword, folded to lower case and compiled into a full transition table: one
 * table lookup per byte, whatever the number of keywords. It only finds candidates; {@link LogClassifier} confirms
 * them.
 */
final class KeywordAutomaton {
    /**
     * State → the classes of the literal keywords ending there, with the sign bit set when a keyword with a rule ends
     * there too (failure links folded in).
     */
    final int[] output;
    /** State → the indexes of the keywords with a rule that end there. */
    final int[][] ruled;
    /**
     * The scanning table over byte classes (bytes that occur in no keyword share one class, so the table stays in the
     * L1 cache): entry (state * classes + class) holds the next state already multiplied by the number of classes,
     * with the sign bit set when that state ends a keyword or the byte is a newline — so the hot loop is two loads and
     * one rarely taken branch per byte.
     */
    final int[] scan;
    final byte[] byteClass = new byte[256];
    final int classes;

    /**
     * @param words   the keywords
     * @param literal per keyword, its class when any match of it counts, or 0 when its rule decides
     */
    KeywordAutomaton(List<String> words, int[] literal) {
        List<int[]> go = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        go.add(newRow());
        out.add(0);
        ends.add(new ArrayList<>());
        for (int w = 0; w < words.size(); w++) {
            int s = 0;
            for (byte b : words.get(w).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (go.get(s)[c] < 0) {
                    go.get(s)[c] = go.size();
                    go.add(newRow());
                    out.add(0);
                    ends.add(new ArrayList<>());
                }
                s = go.get(s)[c];
            }
            out.set(s, out.get(s) | (literal[w] != 0 ? literal[w] : Integer.MIN_VALUE));
            if (literal[w] == 0) {
                ends.get(s).add(w);
            }
        }
        int n = go.size();
        int[] delta = new int[n * 256]; // state * 256 + byte -> state
        output = new int[n];
        int[] fail = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < 256; c++) {
            int t = go.get(0)[c];
            delta[c] = t < 0 ? 0 : t;
            if (t > 0) {
                queue[tail++] = t;
            }
        }
        for (int s = 0; s < n; s++) {
            output[s] = out.get(s);
        }
        while (head < tail) {
            int s = queue[head++];
            output[s] |= output[fail[s]];
            ends.get(s).addAll(ends.get(fail[s]));
            for (int c = 0; c < 256; c++) {
                int t = go.get(s)[c];
                if (t >= 0) {
                    fail[t] = delta[fail[s] * 256 + c];
                    delta[s * 256 + c] = t;
                    queue[tail++] = t;
                } else {
                    delta[s * 256 + c] = delta[fail[s] * 256 + c];
                }
            }
        }
        ruled = new int[n][];
        for (int s = 0; s < n; s++) {
            ruled[s] = ends.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        // Case folding: an upper-case ASCII letter moves like its lower-case one.
        for (int s = 0; s < n; s++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                delta[s * 256 + c] = delta[s * 256 + c + 32];
            }
        }
        // Bytes with identical columns in the transition table are one class; a representative byte per class.
        Map<String, Integer> columns = new HashMap<>();
        List<Integer> representative = new ArrayList<>();
        for (int c = 0; c < 256; c++) {
            StringBuilder key = new StringBuilder(c == '\n' ? "nl:" : "");
            for (int s = 0; s < n; s++) {
                key.append(delta[s * 256 + c]).append(',');
            }
            int first = c;
            int k = columns.computeIfAbsent(key.toString(), x -> {
                representative.add(first);
                return representative.size() - 1;
            });
            byteClass[c] = (byte) k;
        }
        classes = representative.size();
        scan = new int[n * classes];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < classes; k++) {
                int c = representative.get(k);
                int t = delta[s * 256 + c];
                boolean flag = output[t] != 0 || c == '\n';
                scan[s * classes + k] = t * classes | (flag ? Integer.MIN_VALUE : 0);
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[256];
        Arrays.fill(row, -1);
        return row;
    }
}
