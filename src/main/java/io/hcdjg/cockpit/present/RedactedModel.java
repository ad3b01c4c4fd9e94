package io.hcdjg.cockpit.present;


import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every text of a display model through the one redaction: reasons, alert summaries, log and security lines, incident
 * titles, checklist values — whatever a service, a log or the operator put there, and whichever record holds it.
 * Walking the records (rather than naming each field) is what makes "every visible text" hold as the model grows.
 */
final class RedactedModel {
    private RedactedModel() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(T value, UnaryOperator<String> r) {
        if (value instanceof String s) {
            return (T) r.apply(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(of(x, r)));
            return (T) List.copyOf(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, of(v, r)));
            return (T) out;
        }
        if (value instanceof Record rec) {
            return (T) record(rec, r);
        }
        return value;
    }

    private static Record record(Record rec, UnaryOperator<String> r) {
        RecordComponent[] parts = rec.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                parts[i].getAccessor().setAccessible(true);
                values[i] = of(parts[i].getAccessor().invoke(rec), r);
                types[i] = parts[i].getType();
            }
            var constructor = rec.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + rec.getClass().getSimpleName(), e);
        }
    }
}
