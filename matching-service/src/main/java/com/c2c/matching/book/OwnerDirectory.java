package com.c2c.matching.book;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** User ids ↔ the engine's numeric owner ids, assigned in input order (so replays assign the same). */
final class OwnerDirectory {
    private final Map<String, Long> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    long idOf(String owner) {
        Long id = ids.get(owner);
        if (id == null) {
            id = (long) names.size();
            ids.put(owner, id);
            names.add(owner);
        }
        return id;
    }

    String nameOf(long id) {
        return names.get((int) id);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    void read(DataInput in) throws IOException {
        ids.clear();
        names.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            idOf(in.readUTF());
        }
    }
}
