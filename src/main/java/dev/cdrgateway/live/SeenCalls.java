package dev.cdrgateway.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call UUIDs a feed has already seen, bounded: the most recently seen {@code capacity} UUIDs are kept. Every
 * poll marks all the calls it read as seen again, so as long as the capacity is at least the poll size, a call still
 * inside the polled window is never forgotten (and so never pushed twice). Not thread-safe: one feed polls at a time.
 */
final class SeenCalls {

    private final Map<String, Boolean> uuids;

    SeenCalls(int capacity) {
        this.uuids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks {@code uuid} as seen; {@code true} when it was not seen before. */
    boolean add(String uuid) {
        return uuids.put(uuid, Boolean.TRUE) == null;
    }

    int size() {
        return uuids.size();
    }
}
