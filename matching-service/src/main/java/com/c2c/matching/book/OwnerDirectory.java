package com.c2c.matching.book;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * User ids ↔ the engine's numeric owner ids, for the owners of live orders and ads only. Each live order
 * or ad (resting, or an exhausted ad the book keeps) holds one reference to its owner; an owner with none
 * is forgotten, so the directory is bounded by what the books hold, not by everyone who ever traded. Ids
 * are assigned in input order from a counter that never goes back (so replays assign the same, and an
 * owner who comes back gets a new id: the book compares ids only among live orders).
 */
final class OwnerDirectory {
    /** The snapshot layout before references: every name ever seen, its id its position. */
    static final int FORMAT_NAMES_ONLY = 1;

    private static final class Owner {
        final long id;
        final String name;
        int references;

        Owner(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private final Map<String, Owner> byName = new HashMap<>();
    private final Map<Long, Owner> byId = new HashMap<>();
    private long nextId;

    /** The owner's id, taking a reference for one live order or ad (given back by {@link #release}). */
    long acquire(String name) {
        Owner owner = byName.get(name);
        if (owner == null) {
            owner = new Owner(nextId++, name);
            byName.put(name, owner);
            byId.put(owner.id, owner);
        }
        owner.references++;
        return owner.id;
    }

    /** One of the owner's orders or ads left the book for good; the owner is forgotten with the last. */
    void release(long id) {
        Owner owner = byId.get(id);
        if (owner == null || owner.references <= 0) {
            throw new IllegalStateException("owner " + id + " released more often than acquired");
        }
        if (--owner.references == 0) {
            byId.remove(id);
            byName.remove(owner.name);
        }
    }

    String nameOf(long id) {
        return byId.get(id).name;
    }

    /** Owners with a live order or ad. */
    int size() {
        return byId.size();
    }

    /** References are not written: they are counted again from the books when a snapshot is read. */
    void write(DataOutput out) throws IOException {
        out.writeLong(nextId);
        out.writeInt(byId.size());
        for (Owner owner : new TreeMap<>(byId).values()) {
            out.writeLong(owner.id);
            out.writeUTF(owner.name);
        }
    }

    /**
     * Replaces the directory with a snapshot's, every owner without references until the books are read
     * ({@link #restoreReference}); {@link #dropUnreferenced} then forgets the owners no book holds.
     */
    void read(DataInput in, int format) throws IOException {
        byName.clear();
        byId.clear();
        if (format == FORMAT_NAMES_ONLY) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                put(new Owner(i, in.readUTF()));
            }
            nextId = n;
            return;
        }
        nextId = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            put(new Owner(in.readLong(), in.readUTF()));
        }
    }

    /** A live order or ad of this owner, read from a snapshot. */
    void restoreReference(long id) throws IOException {
        Owner owner = byId.get(id);
        if (owner == null) {
            throw new IOException("a book in the snapshot names owner " + id + ", which the directory lacks");
        }
        owner.references++;
    }

    /** After a snapshot is read: forgets owners no live order or ad names (a snapshot from before references). */
    void dropUnreferenced() {
        byId.values().removeIf(owner -> {
            if (owner.references == 0) {
                byName.remove(owner.name);
                return true;
            }
            return false;
        });
    }

    private void put(Owner owner) {
        byName.put(owner.name, owner);
        byId.put(owner.id, owner);
    }
}
