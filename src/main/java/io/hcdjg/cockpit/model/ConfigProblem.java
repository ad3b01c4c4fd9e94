package io.hcdjg.cockpit.model;

/**
 * One error in a config file, located so the operator can fix it without guessing.
 *
 * @param line  1-based, or 0 when the problem is not tied to a line (file unreadable)
 * @param field the path of the field, e.g. {@code services[3].port}
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field == null || field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
