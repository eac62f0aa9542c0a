package com.c2c.matching.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A pre-generated command sequence as primitive arrays (struct of arrays), so the timed loop only
 * reads arrays: no objects, no generation, no randomness. Commands {@code [0, prefill)} build the
 * starting book (run once in setup, then snapshotted); {@code [prefill, length)} are the measured
 * sequence, replayed from the snapshot when it wraps.
 *
 * <p>Field use per op: ids, owners, prices fit in an int (prices are at most 2^24 ticks); quantity
 * is USDT micro-units, or the express amount. The C2C-only arrays ({@link #methods},
 * {@link #completed}, {@link #minFiat}, {@link #maxFiat}) are null for the standard mix.
 */
public final class Commands {
    /** Bump when the generator's output changes, so cached files are not reused. */
    static final int FORMAT = 4;

    // Ops. Side is folded into the op so the replay needs no extra array.
    public static final byte GTC_BUY = 0;
    public static final byte GTC_SELL = 1;
    public static final byte IOC_BUY = 2;
    public static final byte IOC_SELL = 3;
    /** cancel(id) */
    public static final byte CANCEL = 4;
    /** amend(id, price, qty) */
    public static final byte AMEND = 5;
    /** postAd(id, owner, side, price, qty, minFiat, maxFiat, methods, completed) */
    public static final byte AD_BUY = 6;
    public static final byte AD_SELL = 7;
    /** placeExpress(id, owner, side, qty = fiat amount, byFiat = true, methods, completed) */
    public static final byte EXPRESS_BUY_FIAT = 8;
    public static final byte EXPRESS_SELL_FIAT = 9;
    /** placeExpress(id, owner, side, qty = USDT micro-units, byFiat = false, methods, completed) */
    public static final byte EXPRESS_BUY_QTY = 10;
    public static final byte EXPRESS_SELL_QTY = 11;
    /** restore(id, qty) */
    public static final byte RESTORE = 12;
    static final String[] OP_NAMES = {"gtc", "gtc", "ioc", "ioc", "cancel", "amend", "postAd", "postAd",
        "express", "express", "express", "express", "restore"};

    public final String mix;
    public final int sizeTarget;
    public final long seed;
    public final long tickMinor;
    public final int prefill;
    public final int length;
    public final byte[] op;
    public final int[] id;
    public final int[] owner;
    public final int[] price;
    public final long[] qty;
    public final int[] methods;
    public final int[] completed;
    public final long[] minFiat;
    public final long[] maxFiat;
    /** How many measured commands {@link #checksum} covers, replayed from the starting book. */
    public int checkCount;
    /** The {@link ChecksumListener} value the naive book produced over the first checkCount commands. */
    public long checksum;

    Commands(String mix, int sizeTarget, long seed, long tickMinor, int prefill, int length, boolean c2c) {
        this.mix = mix;
        this.sizeTarget = sizeTarget;
        this.seed = seed;
        this.tickMinor = tickMinor;
        this.prefill = prefill;
        this.length = length;
        op = new byte[length];
        id = new int[length];
        owner = new int[length];
        price = new int[length];
        qty = new long[length];
        methods = c2c ? new int[length] : null;
        completed = c2c ? new int[length] : null;
        minFiat = c2c ? new long[length] : null;
        maxFiat = c2c ? new long[length] : null;
    }

    public boolean c2c() {
        return methods != null;
    }

    /** Where a sequence is cached: the name carries everything that determines its content. */
    static Path file(Path dir, String mix, String size, long seed, int length) {
        return dir.resolve("%s-%s-seed%d-n%d-v%d.bin".formatted(mix, size, seed, length, FORMAT));
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeInt(FORMAT);
            out.writeUTF(mix);
            out.writeInt(sizeTarget);
            out.writeLong(seed);
            out.writeLong(tickMinor);
            out.writeInt(prefill);
            out.writeInt(length);
            out.writeBoolean(c2c());
            out.writeInt(checkCount);
            out.writeLong(checksum);
            out.write(op);
            for (int i = 0; i < length; i++) {
                out.writeInt(id[i]);
                out.writeInt(owner[i]);
                out.writeInt(price[i]);
                out.writeLong(qty[i]);
                if (c2c()) {
                    out.writeInt(methods[i]);
                    out.writeInt(completed[i]);
                    out.writeLong(minFiat[i]);
                    out.writeLong(maxFiat[i]);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Commands read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("stale command file " + file);
            }
            String mix = in.readUTF();
            int sizeTarget = in.readInt();
            long seed = in.readLong();
            long tickMinor = in.readLong();
            int prefill = in.readInt();
            int length = in.readInt();
            boolean c2c = in.readBoolean();
            Commands c = new Commands(mix, sizeTarget, seed, tickMinor, prefill, length, c2c);
            c.checkCount = in.readInt();
            c.checksum = in.readLong();
            in.readFully(c.op);
            for (int i = 0; i < length; i++) {
                c.id[i] = in.readInt();
                c.owner[i] = in.readInt();
                c.price[i] = in.readInt();
                c.qty[i] = in.readLong();
                if (c2c) {
                    c.methods[i] = in.readInt();
                    c.completed[i] = in.readInt();
                    c.minFiat[i] = in.readLong();
                    c.maxFiat[i] = in.readLong();
                }
            }
            return c;
        }
    }
}
