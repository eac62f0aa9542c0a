package com.c2c.matching.book;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashSet;

/**
 * The ids of the most recent input events, bounded. A producer's outbox may deliver an event twice,
 * close together in the log; the second copy is recognised here and not applied again.
 */
final class RecentIds {
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** True if the id is new (and now remembered). */
    boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    void read(DataInput in) throws IOException {
        ids.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
        }
    }
}
