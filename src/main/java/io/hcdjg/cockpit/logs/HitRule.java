package io.hcdjg.cockpit.logs;

/**
 * Confirms a keyword the automaton found in a line: is it the word or statement it stands for there? Runs only on the
 * few lines that had a candidate, so it may look around the hit freely.
 */
@FunctionalInterface
interface HitRule {
    /** A match of everything: the keyword as a plain substring (a literal search). */
    HitRule SUBSTRING = (b, from, to, start, end) -> true;

    /**
     * @param from  the line's first byte
     * @param to    the end of the line (exclusive)
     * @param start the keyword's first byte in the line
     * @param end   the end of the keyword (exclusive)
     */
    boolean confirms(byte[] b, int from, int to, int start, int end);
}
